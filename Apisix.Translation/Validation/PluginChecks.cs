using System.Text.Json;
using System.Text.Json.Nodes;

namespace Apisix.Translation.Validation;

/// <summary>
/// The extra checks plugins run after their schema (APISIX's <c>check_schema</c>), on the config with its
/// defaults filled in. Each returns findings with a path inside the config.
/// </summary>
internal static class PluginChecks
{
    private static readonly Dictionary<string, Action<JsonObject, List<SchemaFinding>>> Checks = new(StringComparer.Ordinal)
    {
        ["response-rewrite"] = ResponseRewrite,
        ["ip-restriction"] = (config, findings) => IpList(config, findings, "whitelist", "blacklist"),
        ["real-ip"] = (config, findings) => IpList(config, findings, "trusted_addresses"),
        ["redirect"] = Redirect,
        ["traffic-split"] = TrafficSplit,
        ["fault-injection"] = FaultInjection,
        ["uri-blocker"] = UriBlocker,
        ["http-logger"] = (config, findings) => Expressions(config, findings, "include_req_body_expr", "include_resp_body_expr"),
        ["mocking"] = Mocking,
        ["request-validation"] = RequestValidation,
        ["proxy-cache"] = ProxyCache,
    };

    /// <summary>The checks of what a consumer carries for an auth plugin, as APISIX <paramref name="version"/> makes them.</summary>
    public static void RunConsumer(string plugin, JsonObject config, List<SchemaFinding> findings, ApisixVersion version)
    {
        if (plugin != "jwt-auth")
        {
            return;
        }

        // HS* signs with a shared secret, which from 3.14 must be given (before, one was made up). A given
        // secret is base64-checked whatever the algorithm.
        var algorithm = config["algorithm"]?.ToString() ?? "HS256";
        var secret = config["secret"]?.ToString();
        if (secret is null)
        {
            if (algorithm.StartsWith("HS", StringComparison.Ordinal) && version >= new ApisixVersion(3, 14))
            {
                findings.Add(new("secret", $"`secret` is required for {algorithm}"));
            }
        }
        else if (JsonValues.Bool(config["base64_secret"]) == true && !IsBase64(secret))
        {
            findings.Add(new("secret", "must be base64 when base64_secret is true"));
        }

        if (algorithm.StartsWith("HS", StringComparison.Ordinal))
        {
            return;
        }

        if (config["public_key"] is null)
        {
            findings.Add(new("public_key", $"`public_key` is required for {algorithm}"));
        }
        else if (config["private_key"] is null && version < new ApisixVersion(3, 11))
        {
            // Up to 3.10 APISIX signed tokens itself, so RS256/ES256 consumers carried the key pair.
            findings.Add(new("private_key", $"`private_key` is required for {algorithm} before APISIX 3.11"));
        }
    }

    /// <summary>Runs <paramref name="check"/> on <paramref name="config"/> as APISIX <paramref name="version"/> does; unknown check names do nothing.</summary>
    public static void Run(string check, JsonObject config, List<SchemaFinding> findings, ILuaSyntaxChecker luaChecker, ApisixVersion version)
    {
        if (check is "serverless-pre-function" or "serverless-post-function")
        {
            Serverless(config, findings, luaChecker);
        }
        else if (check == "limit-count")
        {
            LimitCount(config, findings, version);
        }
        else if (check == "proxy-rewrite")
        {
            ProxyRewrite(config, findings, version);
        }
        else if (check == "cors")
        {
            Cors(config, findings, version);
        }
        else if (check == "openid-connect")
        {
            OpenIdConnect(config, findings, version);
        }
        else if (Checks.TryGetValue(check, out var run))
        {
            run(config, findings);
        }
    }

    /// <summary>The compiler's complaint, else whether the chunk returns a function (APISIX calls what it returns).</summary>
    public static string? LuaProblem(string code, bool mustReturnFunction, ILuaSyntaxChecker checker) =>
        checker.Problem(code) ?? (mustReturnFunction ? LuaChunk.Problem(code, mustReturnFunction: true) : null);

    private static void ProxyRewrite(JsonObject config, List<SchemaFinding> findings, ApisixVersion version)
    {
        if (version < new ApisixVersion(3, 18) && config["headers"] is JsonObject operations)
        {
            HeaderValueLists(operations, findings);
        }

        // A flat header map (no add/set/remove) must have printable header names without ':', and values
        // without control characters or non-ASCII bytes (core.utils.validate_header_value).
        if (config["headers"] is JsonObject headers && !IsOperationHeaders(headers))
        {
            foreach (var (name, value) in headers)
            {
                if (name.Length == 0 || name.Any(c => c is ':' or < '!' or > '~'))
                {
                    findings.Add(new($"headers.{name}", $"'{name}' is not a header name (printable ASCII without ':')"));
                }
                else if (value?.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Any(c => c is < ' ' or > '~'))
                {
                    findings.Add(new($"headers.{name}", "the value has a control or non-ASCII character (only printable ASCII is allowed)"));
                }
            }
        }

        if (config["regex_uri"] is not JsonArray regex)
        {
            return;
        }

        if (regex.Count % 2 != 0)
        {
            findings.Add(new("regex_uri", $"must hold regex/template pairs, got {regex.Count} item(s)"));
        }

        for (var i = 0; i < regex.Count; i += 2)
        {
            RegexUriPair(regex, i, findings);
        }
    }

    /// <summary>
    /// Whether the plugin reads <paramref name="headers"/> as add/set/remove operations: one of them must be a
    /// table; otherwise (even with a string "add") it is a flat map of headers to set.
    /// </summary>
    private static bool IsOperationHeaders(JsonObject headers) =>
        headers["add"] is JsonArray or JsonObject || headers["set"] is JsonArray or JsonObject || headers["remove"] is JsonArray or JsonObject;

    /// <summary>Before 3.18 an add/set header value is one string or number: a list of values is refused.</summary>
    private static void HeaderValueLists(JsonObject headers, List<SchemaFinding> findings)
    {
        foreach (var operation in new[] { "add", "set" })
        {
            if (headers[operation] is not JsonObject values)
            {
                continue;
            }

            foreach (var (name, value) in values)
            {
                if (value is JsonArray)
                {
                    findings.Add(new($"headers.{operation}.{name}", "several values for one header need APISIX 3.18 (give one string or number)"));
                }
            }
        }
    }

    /// <summary>APISIX tries <c>ngx.re.sub</c> on a fake URI: the regex and then its template must compile.</summary>
    private static void RegexUriPair(JsonArray regex, int index, List<SchemaFinding> findings)
    {
        if (regex[index]?.GetValueKind() != JsonValueKind.String)
        {
            return;
        }

        if (RegexCheck.Error(regex[index]!.GetValue<string>()) is { } invalid)
        {
            findings.Add(new($"regex_uri[{index}]", $"'{RegexCheck.Shown(regex[index]!.GetValue<string>())}' is not a valid regular expression: {invalid}"));
        }
        else if (index + 1 < regex.Count && regex[index + 1]?.GetValueKind() == JsonValueKind.String &&
            SubstitutionTemplate.Problem(regex[index + 1]!.GetValue<string>()) is { } problem)
        {
            findings.Add(new($"regex_uri[{index + 1}]", $"the replacement template does not compile: {problem}"));
        }
    }

    private static void ResponseRewrite(JsonObject config, List<SchemaFinding> findings)
    {
        // A flat header map (no add/set/remove list or map) is checked by hand: names matching no pattern
        // of the schema (empty, or with ':') still need a non-empty name and a string or number value.
        if (config["headers"] is JsonObject headers && !IsOperationHeaders(headers))
        {
            foreach (var (name, value) in headers)
            {
                if (name.Length == 0)
                {
                    findings.Add(new("headers", "a header name is empty"));
                }
                else if (value?.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Number))
                {
                    findings.Add(new($"headers.{name}", "a header value must be a string or a number"));
                }
            }
        }
        else if (config["headers"] is JsonArray { Count: > 0 })
        {
            // The untyped add/set/remove branch lets a list through; read as a header map, its names are numbers.
            findings.Add(new("headers", "must be an object: a list is read as headers with numeric names"));
        }
        else if (config["headers"] is JsonValue)
        {
            // Also let through by that branch; the plugin's check then fails on it (a Lua error, not a verdict).
            findings.Add(new("headers", "must be an object: APISIX's check_schema fails on a plain value"));
        }

        var filters = config["filters"] as JsonArray ?? [];
        for (var i = 0; i < filters.Count; i++)
        {
            if ((filters[i] as JsonObject)?["options"]?.ToString() is { } options && options.Any(c => !"adDijJmosuUx".Contains(c, StringComparison.Ordinal)))
            {
                findings.Add(new($"filters[{i}].options", $"'{options}' has a letter that is not an ngx.re option (a d D i j J m o s u U x)"));
            }
        }

        if (JsonValues.Bool(config["body_base64"]) == true)
        {
            var body = config["body"]?.ToString();
            if (string.IsNullOrEmpty(body) || !IsBase64(body))
            {
                findings.Add(new("body", "must be non-empty base64 when body_base64 is true"));
            }
        }

        Expressions(config, findings, "vars");
    }

    private static void Cors(JsonObject config, List<SchemaFinding> findings, ApisixVersion version)
    {
        if (JsonValues.Bool(config["allow_credential"]) == true)
        {
            foreach (var field in new[] { "allow_origins", "allow_methods", "allow_headers", "expose_headers", "timing_allow_origins" })
            {
                if (config[field]?.ToString() == "*")
                {
                    findings.Add(new(field, "must not be '*' when allow_credential is true (use '**' or list the values)"));
                }
            }

            // Before 3.10 an absent expose_headers defaulted to '*', and defaults count.
            if (!config.ContainsKey("expose_headers") && version < new ApisixVersion(3, 10))
            {
                findings.Add(new("expose_headers", "defaults to '*' before APISIX 3.10, which is not allowed when allow_credential is true: give it (e.g. '**' or the header names)"));
            }
        }

        foreach (var field in new[] { "allow_origins_by_regex", "timing_allow_origins_by_regex" })
        {
            var patterns = config[field] as JsonArray ?? [];
            for (var i = 0; i < patterns.Count; i++)
            {
                if (InvalidRegex(patterns[i]) is { } problem)
                {
                    findings.Add(new($"{field}[{i}]", problem));
                }
            }
        }
    }

    private static void IpList(JsonObject config, List<SchemaFinding> findings, params string[] fields)
    {
        foreach (var field in fields)
        {
            var entries = config[field] as JsonArray ?? [];
            for (var i = 0; i < entries.Count; i++)
            {
                if (entries[i]?.GetValueKind() == JsonValueKind.String && !Translators.ApisixRouteTranslator.IsIpOrCidr(entries[i]!.GetValue<string>()))
                {
                    findings.Add(new($"{field}[{i}]", $"'{entries[i]}' is neither an IP address nor a CIDR"));
                }
            }
        }
    }

    private static void Redirect(JsonObject config, List<SchemaFinding> findings)
    {
        // Both are tested for truth: http_to_https false does not clash with append_query_string.
        if (JsonValues.Bool(config["http_to_https"]) == true && JsonValues.Bool(config["append_query_string"]) == true)
        {
            findings.Add(new("append_query_string", "cannot be combined with http_to_https"));
        }

        if (config["regex_uri"] is JsonArray { Count: > 0 } regex)
        {
            RegexUriPair(regex, 0, findings);
        }
    }

    private static void LimitCount(JsonObject config, List<SchemaFinding> findings, ApisixVersion version)
    {
        // Redis policies sync in the background: the interval must be at least 0.1 s and below the window.
        if (config["policy"]?.ToString() is "redis" or "redis-cluster" or "redis-sentinel" &&
            JsonValues.Double(config["sync_interval"]) is { } interval && interval != -1)
        {
            if (interval < 0.1)
            {
                findings.Add(new("sync_interval", $"must be at least 0.1 with a redis policy, got {interval.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
            }
            else if (JsonValues.Double(config["time_window"]) is { } window && interval >= window)
            {
                findings.Add(new("sync_interval", $"must be less than time_window ({window.ToString(System.Globalization.CultureInfo.InvariantCulture)})"));
            }
        }

        if (config["rules"] is JsonArray { Count: > 0 } rules)
        {
            // Rules count under their resolved key only: two rules with one key would share a counter.
            var keys = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < rules.Count; i++)
            {
                if ((rules[i] as JsonObject)?["key"]?.ToString() is { } key && !keys.Add(key))
                {
                    findings.Add(new($"rules[{i}].key", $"duplicate key '{key}' in rules"));
                }
            }

            // 3.16 and 3.17 only checked the keys: count or group beside rules passed their oneOf and was ignored.
            if (version < new ApisixVersion(3, 18))
            {
                return;
            }

            if (config.ContainsKey("count") || config.ContainsKey("time_window"))
            {
                findings.Add(new("rules", "cannot be combined with count and time_window"));
            }

            if (config.ContainsKey("group"))
            {
                findings.Add(new("group", "cannot be combined with rules"));
            }
        }
    }

    private static void TrafficSplit(JsonObject config, List<SchemaFinding> findings)
    {
        var rules = config["rules"] as JsonArray ?? [];
        for (var r = 0; r < rules.Count; r++)
        {
            var matches = (rules[r] as JsonObject)?["match"] as JsonArray ?? [];
            for (var m = 0; m < matches.Count; m++)
            {
                var vars = (matches[m] as JsonObject)?["vars"];
                var problem = vars is null ? "needs vars" : ExprShape.Problem(vars);
                if (problem is not null)
                {
                    findings.Add(new($"rules[{r}].match[{m}].vars", problem));
                }
            }
        }
    }

    private static void FaultInjection(JsonObject config, List<SchemaFinding> findings)
    {
        foreach (var block in new[] { "abort", "delay" })
        {
            var vars = (config[block] as JsonObject)?["vars"] as JsonArray ?? [];
            for (var i = 0; i < vars.Count; i++)
            {
                if (ExprShape.Problem(vars[i]) is { } problem)
                {
                    findings.Add(new($"{block}.vars[{i}]", problem));
                }
            }
        }
    }

    /// <summary>"is not a valid regular expression: why" for a string PCRE2 rejects; null for anything else.</summary>
    private static string? InvalidRegex(JsonNode? value) =>
        value?.GetValueKind() == JsonValueKind.String && RegexCheck.Error(value.GetValue<string>()) is { } problem
            ? $"is not a valid regular expression: {problem}"
            : null;

    private static void UriBlocker(JsonObject config, List<SchemaFinding> findings)
    {
        var rules = config["block_rules"] as JsonArray ?? [];
        for (var i = 0; i < rules.Count; i++)
        {
            if (InvalidRegex(rules[i]) is { } problem)
            {
                findings.Add(new($"block_rules[{i}]", problem));
            }
        }
    }

    /// <summary>Each function must compile and return a function (APISIX loads and calls it).</summary>
    private static void Serverless(JsonObject config, List<SchemaFinding> findings, ILuaSyntaxChecker luaChecker)
    {
        var functions = config["functions"] as JsonArray ?? [];
        for (var i = 0; i < functions.Count; i++)
        {
            if (functions[i]?.GetValueKind() == JsonValueKind.String && LuaProblem(functions[i]!.GetValue<string>(), mustReturnFunction: true, luaChecker) is { } problem)
            {
                findings.Add(new($"functions[{i}]", problem));
            }
        }
    }

    /// <summary>The authorization-code flow keeps a session: bearer_only false needs session (3.14+).</summary>
    private static void OpenIdConnect(JsonObject config, List<SchemaFinding> findings, ApisixVersion version)
    {
        var bearerOnly = JsonValues.Bool(config["bearer_only"]) == true;
        if (!bearerOnly && config["session"] is null && version >= new ApisixVersion(3, 14))
        {
            findings.Add(new("session", "`session` (with a secret of at least 16 characters) is required unless bearer_only is true"));
        }

        // Up to 3.16 the client secret is simply required; from 3.17 something else may prove who the client is.
        if (config["client_secret"] is null && version < new ApisixVersion(3, 17))
        {
            findings.Add(new("client_secret", "`client_secret` is required before APISIX 3.17"));
        }
        else if (config["client_secret"] is null)
        {
            var verified = bearerOnly
                ? config["public_key"] is not null || JsonValues.Bool(config["use_jwks"]) == true || config["introspection_endpoint_auth_method"]?.ToString() == "private_key_jwt"
                : config["token_endpoint_auth_method"]?.ToString() == "private_key_jwt" || JsonValues.Bool(config["use_pkce"]) == true;
            if (!verified)
            {
                findings.Add(new("client_secret", "`client_secret` is required unless another verification method is configured (public_key, use_jwks, private_key_jwt or use_pkce)"));
            }
        }
    }

    /// <summary>The given schemas are compiled by api7/jsonschema when the config is stored.</summary>
    private static void RequestValidation(JsonObject config, List<SchemaFinding> findings)
    {
        foreach (var field in new[] { "header_schema", "body_schema" })
        {
            if (config.ContainsKey(field))
            {
                JsonSchemaShape.Check(config[field], field, findings);
            }
        }
    }

    /// <summary>
    /// The cache key may not use the request method, and the memory strategy needs a zone of its own (the
    /// default zone is the disk one). Whether the zone exists depends on the gateway's config.yaml: not checked.
    /// </summary>
    private static void ProxyCache(JsonObject config, List<SchemaFinding> findings)
    {
        var key = config["cache_key"] as JsonArray ?? [];
        for (var i = 0; i < key.Count; i++)
        {
            if (key[i]?.GetValueKind() == JsonValueKind.String && key[i]!.GetValue<string>() == "$request_method")
            {
                findings.Add(new($"cache_key[{i}]", "$request_method is not supported in cache_key"));
            }
        }

        if (config["cache_strategy"]?.ToString() == "memory" && config["cache_zone"]?.ToString() == "disk_cache_one")
        {
            findings.Add(new("cache_zone", "cache_strategy memory needs a memory zone, not the default disk_cache_one"));
        }
    }

    private static void Mocking(JsonObject config, List<SchemaFinding> findings)
    {
        var media = MediaType(config["content_type"]?.ToString() ?? "application/json;charset=utf8");
        if (media is not ("application/json" or "application/xml" or "text/plain" or "text/html" or "text/xml"))
        {
            findings.Add(new("content_type", $"'{media}' is not one of application/json, application/xml, text/plain, text/html, text/xml"));
        }
    }

    /// <summary>
    /// The type mocking compares, as its <c>([ -~]*);([ -~]*)</c> match finds it: within the first run of
    /// printable ASCII that holds a ';', the text before its last ';', untrimmed; the whole value when none does.
    /// </summary>
    private static string MediaType(string contentType)
    {
        var runStart = 0;
        for (var i = 0; i <= contentType.Length; i++)
        {
            if (i < contentType.Length && contentType[i] is >= ' ' and <= '~')
            {
                continue;
            }

            var semicolon = i > runStart ? contentType.LastIndexOf(';', i - 1, i - runStart) : -1;
            if (semicolon >= 0)
            {
                return contentType[runStart..semicolon];
            }

            runStart = i + 1;
        }

        return contentType;
    }

    private static void Expressions(JsonObject config, List<SchemaFinding> findings, params string[] fields)
    {
        foreach (var field in fields)
        {
            if (config[field] is { } expression && ExprShape.Problem(expression) is { } problem)
            {
                findings.Add(new(field, problem));
            }
        }
    }

    /// <summary>
    /// Whether <c>ngx.decode_base64</c> decodes <paramref name="text"/>: nginx reads up to the first '=', where
    /// every character must be of the standard alphabet (no whitespace), and refuses a length of 4n+1.
    /// </summary>
    private static bool IsBase64(string text)
    {
        var length = 0;
        while (length < text.Length && text[length] != '=')
        {
            if (!(char.IsAsciiLetterOrDigit(text[length]) || text[length] is '+' or '/'))
            {
                return false;
            }

            length++;
        }

        return length % 4 != 1;
    }
}
