using Apisix.Translation.Config;

namespace Apisix.Translation.GatewayApi;

/// <summary>
/// TCPRoute, UDPRoute and TLSRoute to stream_routes (1.x ids): TCP one per backendRef,
/// GenID(<c>{ns}_{name}_{i}-{backend}_tcp</c>); UDP GenID(<c>{ns}_{name}_{i}-{k}_tcp</c>); TLS one per hostname,
/// GenID(<c>{ns}_{name}_{i}-{host}</c>) with that SNI and the first backend. <c>server_port</c> is the listener's.
/// </summary>
internal static class L4RouteTranslator
{
    public static StatusCondition Translate(L4Route route, List<RouteAttacher.Attachment> attachments, TranslationContext context, ObjectScope scope)
    {
        var ports = attachments.Select(a => a.Listener.Listener.Port).Distinct().ToList();
        if (ports.Count > 1)
        {
            scope.Warning("UnsupportedValue", "spec.parentRefs", $"the route attaches to listeners on ports {string.Join(", ", ports)}; its stream routes serve port {ports[0]}");
        }

        int? serverPort = ports.Count > 0 ? ports[0] : null;
        StatusCondition? problem = null;
        for (var i = 0; i < route.Rules.Count; i++)
        {
            // Each resolved backend with its backendRefs index: a UDPRoute id counts the refs, resolved or not.
            var upstreams = new List<(int Index, ObjectReference Reference, Upstream Upstream)>();
            for (var k = 0; k < route.Rules[i].Count; k++)
            {
                var reference = route.Rules[i][k];
                if (BackendResolver.Resolve(route, reference, $"spec.rules[{i}].backendRefs[{k}]", context, scope, ref problem) is { } upstream)
                {
                    scope.Upstreams.Add(upstream);
                    upstreams.Add((k, reference, upstream));
                }
            }

            switch (route.RouteKind)
            {
                case "TLSRoute":
                    if (route.Rules[i].Count > 1)
                    {
                        scope.Warning("UnsupportedValue", $"spec.rules[{i}].backendRefs", "a TLSRoute rule is served by its first usable backend only; the other backendRefs get no connections");
                    }

                    AddTls(route, i, upstreams.Count > 0 ? upstreams[0].Upstream : null, HttpRouteTranslator.EffectiveHosts(attachments), serverPort, scope);
                    break;
                case "UDPRoute":
                    foreach (var (index, _, upstream) in upstreams)
                    {
                        scope.StreamRoutes.Add(Stream($"{route.Namespace}_{route.Name}_{i}-{index}_tcp", serverPort, null, upstream, ManagedLabels.ManagedBy));
                    }

                    break;
                default:
                    foreach (var (_, reference, upstream) in upstreams)
                    {
                        scope.StreamRoutes.Add(Stream($"{route.Namespace}_{route.Name}_{i}-{reference.Name}_tcp", serverPort, null, upstream, ManagedLabels.ManagedBy));
                    }

                    break;
            }
        }

        return problem ?? StatusCondition.Ok("ResolvedRefs");
    }

    private static void AddTls(L4Route route, int rule, Upstream? upstream, EquatableArray<string>? hosts, int? serverPort, ObjectScope scope)
    {
        if (upstream is null)
        {
            return;
        }

        var labels = ManagedLabels.ManagedBy.SetItem("meta_namespace", ManagedLabels.Value(route.Namespace)).SetItem("meta_tlsroute", ManagedLabels.Value(route.Name));
        foreach (var host in hosts ?? new[] { string.Empty })
        {
            scope.StreamRoutes.Add(Stream($"{route.Namespace}_{route.Name}_{rule}-{host}", serverPort, host.Length == 0 ? null : host, upstream, labels));
        }
    }

    private static StreamRoute Stream(string name, int? serverPort, string? sni, Upstream upstream, EquatableMap<string> labels) => new()
    {
        Id = IdGenerator.GenId(name),
        Desc = ManagedLabels.Description,
        Labels = labels,
        ServerPort = serverPort,
        Sni = sni,
        UpstreamId = upstream.Id,
    };
}
