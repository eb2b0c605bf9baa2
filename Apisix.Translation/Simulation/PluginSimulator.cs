using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Apisix.Translation.Config;

namespace Apisix.Translation.Simulation;

/// <summary>
/// Runs the effect of a matched route's plugins on a request, in APISIX's phase and priority order:
/// answers APISIX gives itself (fault-injection, cors preflight, key-auth / basic-auth against the
/// consumers, proxy-rewrite, redirect, ip-restriction), then where the request goes (traffic-split,
/// proxy-mirror) and what the response gets (response-rewrite). Plugins it cannot run are named in notes.
/// </summary>
internal static partial class PluginSimulator
{
    private static readonly Dictionary<string, int> Priorities = new(StringComparer.Ordinal)
    {
        ["fault-injection"] = 11000, ["cors"] = 4000, ["ip-restriction"] = 3000, ["uri-blocker"] = 2900,
        ["ldap-auth"] = 2540, ["hmac-auth"] = 2530, ["basic-auth"] = 2520, ["jwt-auth"] = 2510, ["key-auth"] = 2500,
        ["consumer-restriction"] = 2400, ["forward-auth"] = 2002, ["proxy-mirror"] = 1010, ["proxy-rewrite"] = 1008,
        ["traffic-split"] = 966, ["redirect"] = 900, ["response-rewrite"] = 899,
    };

    private static readonly HashSet<string> AccessPhase = ["ip-restriction", "consumer-restriction", "traffic-split", "forward-auth"];

    private static readonly HashSet<string> NotSimulated =
        ["jwt-auth", "hmac-auth", "ldap-auth", "wolf-rbac", "openid-connect", "authz-keycloak", "authz-casbin", "forward-auth", "serverless-pre-function", "serverless-post-function", "opa", "csrf"];

    public static MatchResult Run(Route route, SimulatedRequest request, TranslationResult translation, List<string> reasons)
    {
        var configuration = translation.Configuration;
        var plugins = Effective(route, configuration);
        var notes = new List<string>();
        var state = new RequestState(request);
        GatewayAnswer? answer = null;
        string? consumer = null;
        List<UpstreamShare>? upstreams = null;
        var mirrors = new List<UpstreamShare>();
        var responseChanges = new List<HeaderChange>();
        int? responseStatus = null;

        var ordered = plugins
            .OrderBy(p => AccessPhase.Contains(p.Name) ? 1 : 0)
            .ThenByDescending(p => Priorities.GetValueOrDefault(p.Name))
            .ToList();
        foreach (var plugin in ordered)
        {
            if (answer is not null)
            {
                break;
            }

            var config = plugin.Config.CloneNode() as JsonObject ?? [];
            switch (plugin.Name)
            {
                case "fault-injection":
                    answer = FaultInjection(config, request, notes);
                    break;
                case "cors":
                    answer = Cors(config, request, responseChanges);
                    break;
                case "key-auth":
                case "basic-auth":
                    (answer, consumer) = Authenticate(plugin.Name, config, request, configuration.Consumers);
                    break;
                case "proxy-rewrite":
                    ProxyRewrite(config, state, notes);
                    break;
                case "redirect":
                    answer = Redirect(config, request, notes);
                    break;
                case "ip-restriction":
                    answer = IpRestriction(config, request);
                    break;
                case "response-rewrite":
                    if (config["vars"] is not { } vars || VarsHold(vars, request, plugin.Name, notes))
                    {
                        responseStatus = JsonValues.Int(config["status_code"]);
                        responseChanges.AddRange(HeaderChanges(config["headers"], request));
                    }

                    break;
                case "traffic-split":
                    upstreams = TrafficSplit(config, route, request, translation, notes);
                    break;
                case "proxy-mirror":
                    mirrors.Add(Mirror(config));
                    break;
                default:
                    if (NotSimulated.Contains(plugin.Name))
                    {
                        notes.Add($"{plugin.Name} is not simulated; a real request must also pass it");
                    }

                    break;
            }
        }

        upstreams ??= route.UpstreamId is null ? [] : [Share(route.UpstreamId, 1, 1, translation)];
        if (answer is null && upstreams.Count == 0)
        {
            answer = new GatewayAnswer(503, null, null, "the route has no upstream");
        }
        else if (answer is null && upstreams.All(u => NodeCount(u.UpstreamId, configuration) == 0))
        {
            answer = new GatewayAnswer(503, null, null, "no upstream node is available");
            notes.Add("the upstream has no ready endpoints");
        }

        return new MatchResult
        {
            Route = route,
            Owner = translation.Owners.Find("routes", route.Id),
            Reasons = reasons.ToArray(),
            Plugins = plugins.ToArray(),
            Upstreams = answer is null ? upstreams.ToArray() : EquatableArray<UpstreamShare>.Empty,
            Answer = answer,
            UpstreamPath = answer is null ? state.Path + (state.Query.Length == 0 ? string.Empty : "?" + state.Query) : null,
            UpstreamHost = answer is null ? state.Host : null,
            UpstreamHeaders = answer is null ? state.Headers.ToArray() : EquatableArray<KeyValuePair<string, string>>.Empty,
            ResponseHeaderChanges = responseChanges.ToArray(),
            ResponseStatus = answer is null ? responseStatus : null,
            Mirrors = answer is null ? mirrors.ToArray() : EquatableArray<UpstreamShare>.Empty,
            Consumer = consumer,
            Notes = notes.ToArray(),
        };
    }

    /// <summary>Global rules, then the plugin_config, then the route's own plugins (which win over the plugin_config's).</summary>
    private static List<EffectivePlugin> Effective(Route route, ApisixConfiguration configuration)
    {
        var result = new List<EffectivePlugin>();
        foreach (var rule in configuration.GlobalRules)
        {
            result.AddRange(rule.Plugins.Select(p => new EffectivePlugin(p.Key, $"global_rule/{rule.Id}", p.Value)));
        }

        var own = route.Plugins ?? EquatableMap<JsonBlob>.Empty;
        if (route.PluginConfigId is { } id && configuration.PluginConfigs.FirstOrDefault(p => p.Id == id) is { } pluginConfig)
        {
            result.AddRange(pluginConfig.Plugins.Where(p => !own.ContainsKey(p.Key)).Select(p => new EffectivePlugin(p.Key, $"plugin_config/{id}", p.Value)));
        }

        result.AddRange(own.Select(p => new EffectivePlugin(p.Key, "route", p.Value)));
        return result;
    }

    private static UpstreamShare Share(string? upstreamId, int weight, double share, TranslationResult translation) =>
        new(upstreamId, weight, share, upstreamId is not null && translation.UpstreamSources.TryGetValue(upstreamId, out var source) ? source : null);

    private static int NodeCount(string? upstreamId, ApisixConfiguration configuration)
    {
        var upstream = configuration.Upstreams.FirstOrDefault(u => u.Id == upstreamId);
        return upstream is null ? 0 : upstream.DiscoveryType is not null ? 1 : upstream.Nodes?.Count(n => n.Weight > 0) ?? 0;
    }

    /// <summary>Replaces nginx variables (<c>$host</c>, <c>${uri}</c>, <c>$arg_x</c>) with the request's values.</summary>
    private static string Substitute(string template, SimulatedRequest request) =>
        NginxVariable().Replace(template, m => request.Variable(m.Groups["name"].Success ? m.Groups["name"].Value : m.Groups["braced"].Value) ?? string.Empty);

    [GeneratedRegex(@"\$(?:\{(?<braced>[A-Za-z0-9_]+)\}|(?<name>[A-Za-z_][A-Za-z0-9_]*))")]
    private static partial Regex NginxVariable();

    [GeneratedRegex(@"^https?://(?<svc>[^.]+)\.(?<ns>[^.]+)\.svc(\.cluster\.local)?(:(?<port>\d+))?$")]
    private static partial Regex MirrorHost();

    /// <summary>The request as it travels through the rewrite phase.</summary>
    private sealed class RequestState(SimulatedRequest request)
    {
        public SimulatedRequest Request { get; } = request;

        public string Path { get; set; } = request.Path;

        public string Query { get; set; } = request.Query;

        public string Host { get; set; } = request.Host;

        public List<KeyValuePair<string, string>> Headers { get; } = [.. request.Headers];

        public void Apply(HeaderChange change)
        {
            if (change.Action is "set" or "remove")
            {
                Headers.RemoveAll(h => string.Equals(h.Key, change.Name, StringComparison.OrdinalIgnoreCase));
            }

            if (change.Action is "set" or "add")
            {
                Headers.Add(new(change.Name, change.Value));
            }
        }
    }
}
