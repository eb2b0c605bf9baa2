using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Apisix.Translation.Config;

namespace Apisix.Translation.GatewayApi;

/// <summary>
/// HTTPRoute and GRPCRoute rules to routes: one route per rule match, id GenID(<c>{ns}_{name}_{i}-{j}</c>)
/// (1.x), the hostnames the route serves on its listeners, path/header/query/method conditions, a
/// priority that encodes the Gateway API precedence, filters as plugins, and the backends as upstreams
/// (traffic-split when there are several; a 500 when none is valid).
/// </summary>
internal static class HttpRouteTranslator
{
    private static readonly EquatableArray<string> CatchAll = new[] { "/*" };

    public static StatusCondition Translate(GatewayRoute route, EquatableArray<HttpRouteRule> rules, List<RouteAttacher.Attachment> attachments, RoutePrecedence precedence, TranslationContext context, ObjectScope scope)
    {
        var grpc = route is GrpcRoute;
        var hosts = EffectiveHosts(attachments);
        var listenerPort = attachments.Count > 0 ? attachments[0].Listener.Listener.Port : 80;
        StatusCondition? problem = null;
        var labels = ManagedLabels.ManagedBy;
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var rulePath = $"spec.rules[{i}]";
            var backends = new List<(Upstream Upstream, int Weight)>();
            for (var k = 0; k < rule.BackendRefs.Count; k++)
            {
                var reference = rule.BackendRefs[k];
                var upstream = BackendResolver.Resolve(route, reference, $"{rulePath}.backendRefs[{k}]", context, scope, ref problem);
                if (!reference.Filters.IsEmpty)
                {
                    scope.Warning("UnsupportedValue", $"{rulePath}.backendRefs[{k}].filters", "backendRef filters are not supported; they are ignored");
                }

                if (upstream is not null)
                {
                    // gRPC needs its own upstream: an HTTPRoute to the same Service port must keep scheme http.
                    if (grpc)
                    {
                        var grpcId = IdGenerator.GenId(upstream.Name + "_grpc");
                        if (context.UpstreamSources.TryGetValue(upstream.Id, out var source))
                        {
                            context.UpstreamSources[grpcId] = source;
                        }

                        upstream = upstream with { Id = grpcId, Name = upstream.Name + "_grpc", Scheme = "grpc" };
                    }
                    scope.Upstreams.Add(upstream);
                    backends.Add((upstream, reference.Weight ?? 1));
                }
            }

            var matches = rule.Matches.IsEmpty ? DefaultMatch(grpc) : rule.Matches;
            for (var j = 0; j < matches.Count; j++)
            {
                var match = matches[j];

                // Filters depend on the match only through ReplacePrefixMatch; report their findings once.
                var filterScope = j == 0 ? scope : new ObjectScope(scope.Owner, null);
                var filters = HttpFilterTranslator.Translate(route, rule.Filters, listenerPort, match.PathType == "PathPrefix" ? match.PathValue : null, $"{rulePath}.filters", context, filterScope);
                problem ??= filters.Problem;
                var apisixRoute = BuildMatch(route, match, $"{rulePath}.matches[{j}]", scope) with
                {
                    Id = IdGenerator.GenId($"{route.Namespace}_{route.Name}_{i}-{j}"),
                    Desc = ManagedLabels.Description,
                    Labels = labels,
                    Hosts = hosts,
                    Priority = precedence.Priority(route, i, j, match),
                    PluginConfigId = filters.PluginConfigId,
                };
                apisixRoute = WithBackends(apisixRoute, backends, filters, rule.BackendRefs.Count);
                scope.Routes.Add(apisixRoute);
            }
        }

        return problem ?? StatusCondition.Ok("ResolvedRefs");
    }

    /// <summary>A rule without matches matches every request (PathPrefix / for HTTP, any method for gRPC).</summary>
    private static EquatableArray<HttpRouteMatch> DefaultMatch(bool grpc) =>
        new[] { new HttpRouteMatch { PathType = grpc ? null : "PathPrefix", PathValue = grpc ? null : "/" } };

    /// <summary>
    /// The hostnames a route serves across its listeners: null when any attachment serves every host
    /// (no hostnames on either side), else the union of the intersections.
    /// </summary>
    public static EquatableArray<string>? EffectiveHosts(List<RouteAttacher.Attachment> attachments)
    {
        if (attachments.Any(a => a.Hostnames is null))
        {
            return null;
        }

        var hosts = attachments.SelectMany(a => a.Hostnames!).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        return hosts.Length == 0 ? (EquatableArray<string>?)null : new EquatableArray<string>(hosts.ToImmutableArray());
    }

    private static Route WithBackends(Route route, List<(Upstream Upstream, int Weight)> backends, HttpFilterTranslator.Result filters, int referenceCount)
    {
        var plugins = new Dictionary<string, JsonNode>(filters.Plugins, StringComparer.Ordinal);
        if (filters.Broken || (backends.Count == 0 && !filters.Redirects) || (referenceCount > 0 && backends.Sum(b => b.Weight) == 0 && !filters.Redirects))
        {
            // The spec: a rule whose backends are all invalid (or absent) answers 500.
            plugins["fault-injection"] = new JsonObject { ["abort"] = new JsonObject { ["http_status"] = 500, ["body"] = "No valid backendRef\n" } };
            return route with { Plugins = ToMap(plugins) };
        }

        string? upstreamId = null;
        if (backends.Count == 1)
        {
            upstreamId = backends[0].Upstream.Id;
        }
        else if (backends.Count > 1)
        {
            // 1.x: every backend is listed with its upstream_id, and the route has none of its own.
            var weighted = new JsonArray(backends.Select(b => (JsonNode?)new JsonObject { ["upstream_id"] = b.Upstream.Id, ["weight"] = b.Weight }).ToArray());
            plugins["traffic-split"] = new JsonObject { ["rules"] = new JsonArray(new JsonObject { ["weighted_upstreams"] = weighted }) };
        }

        return route with { UpstreamId = upstreamId, Plugins = plugins.Count == 0 ? null : ToMap(plugins) };
    }

    private static EquatableMap<JsonBlob> ToMap(Dictionary<string, JsonNode> plugins) =>
        EquatableMap<JsonBlob>.From(plugins.Select(p => new KeyValuePair<string, JsonBlob>(p.Key, new JsonBlob(p.Value))));

    private static Route BuildMatch(GatewayRoute route, HttpRouteMatch match, string path, ObjectScope scope)
    {
        var vars = new JsonArray();
        EquatableArray<string> uris;
        if (route is GrpcRoute)
        {
            uris = GrpcUris(match, vars, path, scope);
        }
        else
        {
            var value = string.IsNullOrEmpty(match.PathValue) ? "/" : match.PathValue;
            switch (match.PathType)
            {
                case "Exact":
                    uris = new[] { value };
                    break;
                case "RegularExpression":
                    if (RegexCheck.Error(value) is { } problem)
                    {
                        scope.Warning("UnsupportedValue", $"{path}.path.value", $"'{RegexCheck.Shown(value)}' is not a valid regular expression: {problem}");
                    }

                    uris = CatchAll;
                    vars.Add(new JsonArray("uri", "~~", value));
                    break;
                default:
                    // Element-wise, as the spec says: /v1 serves /v1 and /v1/x but not /v1x (1.x's "/v1*" did).
                    var trimmed = value.TrimEnd('/');
                    uris = trimmed.Length == 0 ? CatchAll : new[] { trimmed, trimmed + "/*" };
                    break;
            }
        }

        foreach (var header in match.Headers)
        {
            vars.Add(new JsonArray("http_" + header.Name.ToLowerInvariant().Replace('-', '_'), header.Type == "RegularExpression" ? "~~" : "==", header.Value));
        }

        foreach (var query in match.QueryParams)
        {
            vars.Add(new JsonArray("arg_" + query.Name, query.Type == "RegularExpression" ? "~~" : "==", query.Value));
        }

        // One path is written as 1.x wrote HTTPRoute paths, in `uri`; a prefix needs two, in `uris`.
        return new Route
        {
            Id = string.Empty,
            Uri = uris.Count == 1 ? uris[0] : null,
            Uris = uris.Count > 1 ? uris : (EquatableArray<string>?)null,
            Methods = match.Method is { } method ? new EquatableArray<string>([method]) : (EquatableArray<string>?)null,
            Vars = vars.Count == 0 ? null : new JsonBlob(vars),
        };
    }

    /// <summary>gRPC calls are POSTs to <c>/{service}/{method}</c>.</summary>
    private static EquatableArray<string> GrpcUris(HttpRouteMatch match, JsonArray vars, string path, ObjectScope scope)
    {
        var service = match.GrpcService;
        var method = match.GrpcMethod;
        if (match.GrpcMethodType == "RegularExpression")
        {
            vars.Add(new JsonArray("uri", "~~", $"^/(?:{service ?? "[^/]+"})/(?:{method ?? "[^/]+"})$"));
            return CatchAll;
        }

        if (service is not null && method is not null)
        {
            return new[] { $"/{service}/{method}" };
        }

        if (service is not null)
        {
            return new[] { $"/{service}/*" };
        }

        if (method is not null)
        {
            vars.Add(new JsonArray("uri", "~~", $"^/[^/]+/{System.Text.RegularExpressions.Regex.Escape(method)}$"));
        }
        else if (match.GrpcMethodType is not null)
        {
            scope.Warning("UnsupportedValue", $"{path}.method", "a method match needs service or method");
        }

        return CatchAll;
    }
}
