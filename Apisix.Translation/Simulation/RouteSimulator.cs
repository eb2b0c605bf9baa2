using Apisix.Translation.Manifests;

namespace Apisix.Translation.Simulation;

/// <summary>
/// The route simulator for tests: manifests in, then one line per request.
/// <code>
/// var simulator = RouteSimulator.FromManifests(File.ReadAllText("routes.yaml"));
/// simulator.Match("GET https://api.example.com/v1/users", "X-Canary: 1")
///          .ShouldHitRoute("ApisixRoute default/api").ShouldReachService("default/api-canary");
/// </code>
/// </summary>
public sealed class RouteSimulator
{
    private readonly RouteMatcher _matcher;

    private RouteSimulator(RouteMatcher matcher, IReadOnlyList<Diagnostic> diagnostics)
    {
        _matcher = matcher;
        Diagnostics = diagnostics;
    }

    /// <summary>Every finding from reading and translating the manifests.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The translation the simulator runs on.</summary>
    public TranslationResult Translation => _matcher.Translation;

    /// <summary>Reads and translates <paramref name="manifests"/> (multi-document YAML or JSON).</summary>
    public static RouteSimulator FromManifests(string manifests, TranslationOptions? options = null)
    {
        var read = ManifestReader.Read(manifests, "manifests");
        var translation = Translator.Translate(TranslationInput.From(read.Objects), options);
        return new RouteSimulator(new RouteMatcher(translation), [.. read.Diagnostics, .. translation.Diagnostics]);
    }

    /// <summary>Simulates <c>"METHOD url"</c> with headers written <c>"Name: value"</c>.</summary>
    public MatchResult Match(string request, params string[] headers)
    {
        var parsed = SimulatedRequest.Parse(request, out var error) ?? throw new ArgumentException(error, nameof(request));
        var pairs = headers.Select(header =>
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 ? new KeyValuePair<string, string>(header[..colon].Trim(), header[(colon + 1)..].Trim()) : throw new ArgumentException($"'{header}' is not \"Name: value\"", nameof(headers));
        });
        return _matcher.Match(parsed with { Headers = pairs.ToArray() });
    }

    /// <summary>Simulates a fully described request, optionally on one Gateway's listeners.</summary>
    public MatchResult Match(SimulatedRequest request, ListenerSelector? listener = null) => _matcher.Match(request, listener);
}
