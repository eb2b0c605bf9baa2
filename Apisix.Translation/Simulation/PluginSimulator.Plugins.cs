using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Apisix.Translation.Config;

namespace Apisix.Translation.Simulation;

/// <summary>The effect of each simulated plugin.</summary>
internal static partial class PluginSimulator
{
    /// <summary>
    /// Whether a plugin's vars hold for the request. Vars that turn on a regex the simulator cannot run (valid PCRE
    /// .NET reads otherwise) are taken as not holding, and a note says so.
    /// </summary>
    private static bool VarsHold(JsonNode? vars, SimulatedRequest request, string plugin, List<string> notes)
    {
        var unrunnable = new List<string>();
        var holds = ExprEvaluator.Holds(vars, request, unrunnable);
        if (holds is null)
        {
            notes.Add($"{plugin}: its vars turn on {SimulatedRegex.CannotRun(unrunnable[0])}; taken as not holding");
        }

        return holds == true;
    }

    private static GatewayAnswer? FaultInjection(JsonObject config, SimulatedRequest request, List<string> notes)
    {
        if (config["abort"] is not JsonObject abort || (abort["vars"] is { } vars && !VarsHold(vars, request, "fault-injection", notes)))
        {
            return null;
        }

        return new GatewayAnswer(JsonValues.Int(abort["http_status"]) ?? 500, "fault-injection", null, abort["body"]?.ToString());
    }

    private static GatewayAnswer? Cors(JsonObject config, SimulatedRequest request, List<HeaderChange> response)
    {
        var origin = request.HeaderValues("Origin").FirstOrDefault();
        if (origin is null)
        {
            return null;
        }

        var allowed = config["allow_origins"]?.ToString() ?? "*";
        var allowOrigin = allowed == "*" ? "*" : allowed.Split(',').Contains(origin) || allowed == "**" ? origin : null;
        if (allowOrigin is not null)
        {
            response.Add(new HeaderChange("set", "Access-Control-Allow-Origin", allowOrigin));
            response.Add(new HeaderChange("set", "Access-Control-Allow-Methods", config["allow_methods"]?.ToString() ?? "*"));
        }

        return request.Method == "OPTIONS" ? new GatewayAnswer(200, "cors", null, null) : null;
    }

    private static (GatewayAnswer? Answer, string? Consumer) Authenticate(string plugin, JsonObject config, SimulatedRequest request, EquatableArray<Consumer> consumers)
    {
        if (plugin == "key-auth")
        {
            var key = request.HeaderValues(config["header"]?.ToString() ?? "apikey").FirstOrDefault() ?? request.Argument(config["query"]?.ToString() ?? "apikey");
            if (key is null)
            {
                return (new GatewayAnswer(401, plugin, null, "{\"message\":\"Missing API key in request\"}"), null);
            }

            var consumer = consumers.FirstOrDefault(c => c.Plugins?.TryGetValue("key-auth", out var auth) == true && (auth.CloneNode() as JsonObject)?["key"]?.ToString() == key);
            return consumer is null ? (new GatewayAnswer(401, plugin, null, "{\"message\":\"Invalid API key in request\"}"), null) : (null, consumer.Username);
        }

        var header = request.HeaderValues("Authorization").FirstOrDefault();
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return (new GatewayAnswer(401, plugin, null, "{\"message\":\"Missing authorization in request\"}"), null);
        }

        string credentials;
        try
        {
            credentials = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
        }
        catch (FormatException)
        {
            return (new GatewayAnswer(401, plugin, null, "{\"message\":\"Invalid authorization in request\"}"), null);
        }

        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        var match = colon < 0 ? null : consumers.FirstOrDefault(c => c.Plugins?.TryGetValue("basic-auth", out var auth) == true &&
            (auth.CloneNode() as JsonObject) is { } basic && basic["username"]?.ToString() == credentials[..colon] && basic["password"]?.ToString() == credentials[(colon + 1)..]);
        return match is null ? (new GatewayAnswer(401, plugin, null, "{\"message\":\"Invalid user authorization\"}"), null) : (null, match.Username);
    }

    private static void ProxyRewrite(JsonObject config, RequestState state, List<string> notes)
    {
        if (config["uri"] is { } uri)
        {
            // The client's query is kept: appended after "&" when the new URI has one of its own.
            var rewritten = Substitute(uri.ToString(), state.Request);
            var question = rewritten.IndexOf('?', StringComparison.Ordinal);
            state.Path = question < 0 ? rewritten : rewritten[..question];
            if (question >= 0)
            {
                var own = rewritten[(question + 1)..];
                state.Query = state.Query.Length == 0 ? own : $"{own}&{state.Query}";
            }
        }
        else if (config["regex_uri"] is JsonArray regex)
        {
            // ngx.re.sub with each pair in turn; the first regex that matches rewrites the path.
            for (var i = 0; i + 1 < regex.Count; i += 2)
            {
                var pattern = regex[i]!.ToString();
                var outcome = SimulatedRegex.Substitute(state.Path, pattern, regex[i + 1]!.ToString());
                if (outcome is null)
                {
                    notes.Add($"proxy-rewrite: regex_uri {SimulatedRegex.CannotRun(pattern)}; the path is left as it is");
                    break;
                }

                if (outcome.Value.Matched)
                {
                    state.Path = outcome.Value.Result;
                    break;
                }
            }
        }

        if (config["host"] is { } host)
        {
            state.Host = host.ToString();
        }

        foreach (var change in HeaderChanges(config["headers"], state.Request))
        {
            state.Apply(change);
        }
    }

    /// <summary>Header changes from a proxy-rewrite (object maps) or response-rewrite (add as "Name: value") headers block, or a flat map.</summary>
    private static IEnumerable<HeaderChange> HeaderChanges(JsonNode? headers, SimulatedRequest request)
    {
        if (headers is not JsonObject block)
        {
            yield break;
        }

        var structured = block.ContainsKey("add") || block.ContainsKey("set") || block.ContainsKey("remove");
        if (!structured)
        {
            foreach (var (name, value) in block)
            {
                yield return value?.ToString() is { Length: > 0 } text ? new HeaderChange("set", name, Substitute(text, request)) : new HeaderChange("remove", name, string.Empty);
            }

            yield break;
        }

        if (block["set"] is JsonObject set)
        {
            foreach (var (name, value) in set)
            {
                yield return new HeaderChange("set", name, Substitute(value?.ToString() ?? string.Empty, request));
            }
        }

        if (block["add"] is JsonObject addMap)
        {
            foreach (var (name, value) in addMap)
            {
                yield return new HeaderChange("add", name, Substitute(value?.ToString() ?? string.Empty, request));
            }
        }
        else if (block["add"] is JsonArray addList)
        {
            foreach (var line in addList.Select(l => l?.ToString() ?? string.Empty))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    yield return new HeaderChange("add", line[..colon].Trim(), Substitute(line[(colon + 1)..].Trim(), request));
                }
            }
        }

        foreach (var name in (block["remove"] as JsonArray ?? []).Select(n => n?.ToString() ?? string.Empty))
        {
            yield return new HeaderChange("remove", name, string.Empty);
        }
    }

    private static GatewayAnswer? Redirect(JsonObject config, SimulatedRequest request, List<string> notes)
    {
        if (JsonValues.Bool(config["http_to_https"]) == true)
        {
            if (request.Scheme != "http")
            {
                return null;
            }

            var code = JsonValues.Int(config["ret_code"]) ?? 301;
            return new GatewayAnswer(code, "redirect", $"https://{request.HostName}{request.RequestUri}", null);
        }

        string? location = null;
        if (config["uri"] is { } uri)
        {
            location = Substitute(uri.ToString(), request);
        }
        else if (config["regex_uri"] is JsonArray regex && regex.Count >= 2)
        {
            // ngx.re.sub: the template knows captures only, no nginx variables.
            var pattern = regex[0]!.ToString();
            var outcome = SimulatedRegex.Substitute(request.Path, pattern, regex[1]!.ToString());
            if (outcome is null)
            {
                notes.Add($"redirect: regex_uri {SimulatedRegex.CannotRun(pattern)}; no redirect is simulated");
                return null;
            }

            if (!outcome.Value.Matched)
            {
                return null;
            }

            location = outcome.Value.Result;
        }

        if (location is null)
        {
            return null;
        }

        if (JsonValues.Bool(config["append_query_string"]) == true && request.Query.Length > 0)
        {
            location += (location.Contains('?', StringComparison.Ordinal) ? "&" : "?") + request.Query;
        }

        return new GatewayAnswer(JsonValues.Int(config["ret_code"]) ?? 302, "redirect", location, null);
    }

    private static GatewayAnswer? IpRestriction(JsonObject config, SimulatedRequest request)
    {
        if (!IPAddress.TryParse(request.RemoteAddress, out var address))
        {
            return null;
        }

        bool In(JsonNode? list) => (list as JsonArray ?? []).Any(r => IpRange.Contains(r?.ToString() ?? string.Empty, address));
        var denied = config["whitelist"] is { } whitelist ? !In(whitelist) : In(config["blacklist"]);
        return denied ? new GatewayAnswer(JsonValues.Int(config["response_code"]) ?? 403, "ip-restriction", null, config["message"]?.ToString() ?? "Your IP address is not allowed") : null;
    }

    private static List<UpstreamShare>? TrafficSplit(JsonObject config, Route route, SimulatedRequest request, TranslationResult translation, List<string> notes)
    {
        foreach (var rule in config["rules"] as JsonArray ?? [])
        {
            if (rule is not JsonObject ruleObject)
            {
                continue;
            }

            var matches = ruleObject["match"] as JsonArray;
            if (matches is not null && matches.Count > 0 && !matches.Any(m => VarsHold((m as JsonObject)?["vars"], request, "traffic-split", notes)))
            {
                continue;
            }

            var weighted = (ruleObject["weighted_upstreams"] as JsonArray ?? []).OfType<JsonObject>()
                .Select(w => (Id: w["upstream_id"]?.ToString() ?? route.UpstreamId, Weight: JsonValues.Int(w["weight"]) ?? 1))
                .ToList();
            var total = weighted.Sum(w => w.Weight);
            return weighted.Select(w => Share(w.Id, w.Weight, total == 0 ? 0 : (double)w.Weight / total, translation)).ToList();
        }

        return null;
    }

    private static UpstreamShare Mirror(JsonObject config)
    {
        var host = config["host"]?.ToString() ?? string.Empty;
        var share = JsonValues.Double(config["sample_ratio"]) ?? 1;

        // The Gateway API mirror target is http://{svc}.{ns}.svc.cluster.local:{port}.
        var match = MirrorHost().Match(host);
        ServiceBackendSource? backend = match.Success
            ? new ServiceBackendSource(match.Groups["ns"].Value, match.Groups["svc"].Value, match.Groups["port"].Success ? int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture) : 80)
            : null;
        return new UpstreamShare(null, 1, share, backend);
    }
}
