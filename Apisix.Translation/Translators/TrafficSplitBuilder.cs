using System.Text.Json.Nodes;
using Apisix.Translation.Config;
using Apisix.Translation.Crds;

namespace Apisix.Translation.Translators;

/// <summary>
/// Chooses a rule's upstream and, with several, writes the traffic-split plugin in the 1.x order
/// (reference §2.6, §2.7): for backends the first one is the default entry and goes <b>last</b>, without
/// an upstream_id; for ApisixUpstream references only, the default goes <b>first</b>; references after
/// backends are appended. A missing weight is 100.
/// </summary>
internal static class TrafficSplitBuilder
{
    public const int DefaultWeight = 100;

    private static readonly List<(Upstream Upstream, int Weight)> NoReferences = [];

    /// <summary>The rule's upstream id; adds traffic-split to <paramref name="plugins"/> when there are several.</summary>
    public static string? Build(ApisixRoute route, ApisixRouteHttp rule, string path, TranslationContext context, ObjectScope scope, ref EquatableMap<JsonBlob> plugins)
    {
        // The common case, one backend and nothing to split, needs no lists.
        if (rule.Backends.Count == 1 && rule.Upstreams.IsEmpty && rule.Backends[0].Weight is not < 0)
        {
            return ServiceBackendTranslator.Translate(rule.Backends[0], route.Namespace, new LazyPath(path, ".backends", 0), context, scope)?.Id;
        }

        var backends = new List<(Upstream Upstream, int Weight)>(rule.Backends.Count);
        for (var j = 0; j < rule.Backends.Count; j++)
        {
            var backend = rule.Backends[j];
            var backendPath = new LazyPath(path, ".backends", j);
            if (backend.Weight is < 0)
            {
                scope.Error(DiagnosticCodes.InvalidValue, $"{backendPath}.weight", $"must not be negative, got {backend.Weight}");
                continue;
            }

            if (ServiceBackendTranslator.Translate(backend, route.Namespace, backendPath, context, scope) is { } upstream)
            {
                backends.Add((upstream, backend.Weight ?? DefaultWeight));
            }
        }

        var references = rule.Upstreams.IsEmpty ? NoReferences : new List<(Upstream Upstream, int Weight)>(rule.Upstreams.Count);
        for (var k = 0; k < rule.Upstreams.Count; k++)
        {
            var reference = rule.Upstreams[k];
            if (UpstreamReferenceTranslator.Translate(route, reference, $"{path}.upstreams[{k}]", context, scope) is { } upstream)
            {
                references.Add((upstream, reference.Weight ?? DefaultWeight));
            }
        }

        if (scope.HasErrors)
        {
            return null;
        }

        JsonArray? weighted = null;
        if (backends.Count > 1)
        {
            weighted = [];
            foreach (var (upstream, weight) in backends.Skip(1))
            {
                weighted.Add(Entry(upstream.Id, weight));
            }

            weighted.Add(Entry(null, backends[0].Weight));
        }

        if (references.Count > 0 && (backends.Count > 0 || references.Count > 1))
        {
            var rest = references.AsEnumerable();
            if (weighted is null)
            {
                weighted = [Entry(null, backends.Count > 0 ? backends[0].Weight : references[0].Weight)];
                rest = backends.Count > 0 ? references : references.Skip(1);
            }

            foreach (var (upstream, weight) in rest)
            {
                weighted.Add(Entry(upstream.Id, weight));
            }
        }

        if (weighted is not null)
        {
            var trafficSplit = new JsonObject { ["rules"] = new JsonArray(new JsonObject { ["weighted_upstreams"] = weighted }) };
            plugins = plugins.SetItem("traffic-split", new JsonBlob(trafficSplit));
        }

        return backends.Count > 0 ? backends[0].Upstream.Id : references.Count > 0 ? references[0].Upstream.Id : null;
    }

    private static JsonObject Entry(string? upstreamId, int weight)
    {
        var entry = new JsonObject();
        if (upstreamId is not null)
        {
            entry["upstream_id"] = upstreamId;
        }

        entry["weight"] = weight;
        return entry;
    }
}
