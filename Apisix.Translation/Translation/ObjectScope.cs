using Apisix.Translation.Config;

namespace Apisix.Translation;

/// <summary>
/// The findings and outputs of translating one object. Outputs are only committed when the object has
/// no errors: a half-translated route is worse than none, because the controller keeps the last good one.
/// </summary>
internal sealed class ObjectScope
{
    private SourceLocation? _source;
    private FieldLineIndex? _lines;

    public ObjectScope(ObjectRef owner, SourceLocation? source, FieldLineIndex? lines = null)
    {
        Owner = owner;
        _source = source;
        _lines = lines;
    }

    public ObjectRef Owner { get; private set; }

    /// <summary>The findings so far (most objects have none, so the list is made on the first).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics ?? (IReadOnlyList<Diagnostic>)[];

    private List<Diagnostic>? _diagnostics;

    public bool HasErrors { get; private set; }

    public List<Route> Routes => _routes ??= [];

    private List<Route>? _routes;

    /// <summary>What was added to <see cref="Routes"/>, without creating the list.</summary>
    public IReadOnlyList<Route> ProducedRoutes => _routes ?? (IReadOnlyList<Route>)[];

    public List<Upstream> Upstreams => _upstreams ??= [];

    private List<Upstream>? _upstreams;

    /// <summary>What was added to <see cref="Upstreams"/>, without creating the list.</summary>
    public IReadOnlyList<Upstream> ProducedUpstreams => _upstreams ?? (IReadOnlyList<Upstream>)[];

    public List<StreamRoute> StreamRoutes => _streamRoutes ??= [];

    private List<StreamRoute>? _streamRoutes;

    /// <summary>What was added to <see cref="StreamRoutes"/>, without creating the list.</summary>
    public IReadOnlyList<StreamRoute> ProducedStreamRoutes => _streamRoutes ?? (IReadOnlyList<StreamRoute>)[];

    public List<Ssl> Ssls => _ssls ??= [];

    private List<Ssl>? _ssls;

    /// <summary>What was added to <see cref="Ssls"/>, without creating the list.</summary>
    public IReadOnlyList<Ssl> ProducedSsls => _ssls ?? (IReadOnlyList<Ssl>)[];

    public List<Consumer> Consumers => _consumers ??= [];

    private List<Consumer>? _consumers;

    /// <summary>What was added to <see cref="Consumers"/>, without creating the list.</summary>
    public IReadOnlyList<Consumer> ProducedConsumers => _consumers ?? (IReadOnlyList<Consumer>)[];

    public List<PluginConfig> PluginConfigs => _pluginConfigs ??= [];

    private List<PluginConfig>? _pluginConfigs;

    /// <summary>What was added to <see cref="PluginConfigs"/>, without creating the list.</summary>
    public IReadOnlyList<PluginConfig> ProducedPluginConfigs => _pluginConfigs ?? (IReadOnlyList<PluginConfig>)[];

    public List<GlobalRule> GlobalRules => _globalRules ??= [];

    private List<GlobalRule>? _globalRules;

    /// <summary>What was added to <see cref="GlobalRules"/>, without creating the list.</summary>
    public IReadOnlyList<GlobalRule> ProducedGlobalRules => _globalRules ?? (IReadOnlyList<GlobalRule>)[];

    public List<PluginMetadata> PluginMetadata => _pluginMetadata ??= [];

    private List<PluginMetadata>? _pluginMetadata;

    /// <summary>What was added to <see cref="PluginMetadata"/>, without creating the list.</summary>
    public IReadOnlyList<PluginMetadata> ProducedPluginMetadata => _pluginMetadata ?? (IReadOnlyList<PluginMetadata>)[];

    /// <summary>
    /// Makes this scope a fresh one for the next object, keeping its lists' storage: a translation of
    /// thousands of objects would otherwise make a scope and its lists for each. Only for a scope whose
    /// findings and outputs were committed (copied out) already.
    /// </summary>
    public void Reset(ObjectRef owner, SourceLocation? source, FieldLineIndex? lines)
    {
        Owner = owner;
        _source = source;
        _lines = lines;
        HasErrors = false;
        _diagnostics?.Clear();
        _routes?.Clear();
        _upstreams?.Clear();
        _streamRoutes?.Clear();
        _ssls?.Clear();
        _consumers?.Clear();
        _pluginConfigs?.Clear();
        _globalRules?.Clear();
        _pluginMetadata?.Clear();
    }

    public void Error(string code, string path, string message) => Add(DiagnosticSeverity.Error, code, path, message);

    public void Warning(string code, string path, string message) => Add(DiagnosticSeverity.Warning, code, path, message);

    /// <summary>Records a finding made elsewhere (a cached sub-result) under <paramref name="pathPrefix"/>.</summary>
    public void Replay(Diagnostic finding, string pathPrefix) => Add(finding.Severity, finding.Code, pathPrefix + finding.Path, finding.Message);

    private void Add(DiagnosticSeverity severity, string code, string path, string message)
    {
        HasErrors |= severity == DiagnosticSeverity.Error;
        var location = _source is not null && _lines?.LineOf(path) is { } line ? _source with { Line = line } : _source;
        (_diagnostics ??= []).Add(new Diagnostic(severity, code, Owner, path, message) { Location = location });
    }
}
