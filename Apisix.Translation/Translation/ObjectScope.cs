using Apisix.Translation.Config;

namespace Apisix.Translation;

/// <summary>
/// The findings and outputs of translating one object. Outputs are only committed when the object has
/// no errors: a half-translated route is worse than none, because the controller keeps the last good one.
/// </summary>
internal sealed class ObjectScope(ObjectRef owner, SourceLocation? source, FieldLineIndex? lines = null)
{
    public ObjectRef Owner { get; } = owner;

    public List<Diagnostic> Diagnostics { get; } = [];

    public bool HasErrors { get; private set; }

    public List<Route> Routes { get; } = [];

    public List<Upstream> Upstreams { get; } = [];

    public List<StreamRoute> StreamRoutes { get; } = [];

    public List<Ssl> Ssls { get; } = [];

    public List<Consumer> Consumers { get; } = [];

    public List<PluginConfig> PluginConfigs { get; } = [];

    public List<GlobalRule> GlobalRules { get; } = [];

    public List<PluginMetadata> PluginMetadata { get; } = [];

    public void Error(string code, string path, string message) => Add(DiagnosticSeverity.Error, code, path, message);

    public void Warning(string code, string path, string message) => Add(DiagnosticSeverity.Warning, code, path, message);

    /// <summary>Records a finding made elsewhere (a cached sub-result) under <paramref name="pathPrefix"/>.</summary>
    public void Replay(Diagnostic finding, string pathPrefix) => Add(finding.Severity, finding.Code, pathPrefix + finding.Path, finding.Message);

    private void Add(DiagnosticSeverity severity, string code, string path, string message)
    {
        HasErrors |= severity == DiagnosticSeverity.Error;
        var location = source is not null && lines?.LineOf(path) is { } line ? source with { Line = line } : source;
        Diagnostics.Add(new Diagnostic(severity, code, Owner, path, message) { Location = location });
    }
}
