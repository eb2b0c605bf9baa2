using System.Globalization;
using System.Text.Json.Nodes;
using Apisix.Translation.Translators;

namespace Apisix.Translation.Networking;

/// <summary>The plugins the annotations produce (reference §3.4), one method per annotation family.</summary>
internal sealed partial class IngressAnnotations
{
    private EquatableMap<JsonBlob> BuildPlugins()
    {
        var plugins = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        AddCors(plugins);
        AddCsrf(plugins);
        AddRedirect(plugins);
        AddProxyRewrite(plugins);
        AddMethodFilter(plugins);
        AddResponseRewrite(plugins);
        AddIpRestriction(plugins);
        AddAuth(plugins);
        return EquatableMap<JsonBlob>.From(plugins.Select(p => new KeyValuePair<string, JsonBlob>(p.Key, new JsonBlob(p.Value))));
    }

    private void AddCors(Dictionary<string, JsonNode> plugins)
    {
        if (!Flag("enable-cors"))
        {
            return;
        }

        var cors = new JsonObject();
        SetText(cors, "allow_origins", "cors-allow-origin");
        SetText(cors, "allow_methods", "cors-allow-methods");
        SetText(cors, "allow_headers", "cors-allow-headers");
        plugins["cors"] = cors;
    }

    private void AddCsrf(Dictionary<string, JsonNode> plugins)
    {
        if (!Flag("enable-csrf"))
        {
            return;
        }

        if (Text("csrf-key") is not { } key)
        {
            Error("csrf-key", "is required when enable-csrf is true");
            return;
        }

        plugins["csrf"] = new JsonObject { ["key"] = key };
    }

    private void AddRedirect(Dictionary<string, JsonNode> plugins)
    {
        var uri = Text("http-redirect");
        int? code = null;
        var codeText = Text("http-redirect-code");
        if (codeText is not null && uri is null && !Flag("http-to-https"))
        {
            // Nothing redirects, so 1.x never read the code: say so rather than refuse the Ingress over it.
            _scope.Warning(DiagnosticCodes.Suspicious, PathOf("http-redirect-code"), $"has no effect without {Prefix}http-redirect or {Prefix}http-to-https");
        }
        else if (codeText is not null)
        {
            if (int.TryParse(codeText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 301 and <= 308)
            {
                code = parsed;
            }
            else
            {
                Error("http-redirect-code", $"'{codeText}' is not a redirect status between 301 and 308");
            }
        }

        if (Flag("http-to-https"))
        {
            if (uri is not null)
            {
                // APISIX's redirect takes one of http_to_https, uri and regex_uri; 1.x wrote both and APISIX refused the route.
                Error("http-redirect", $"cannot be combined with {Prefix}http-to-https");
                return;
            }

            var redirect = new JsonObject { ["http_to_https"] = true };
            if (code is not null)
            {
                redirect["ret_code"] = code;
            }

            plugins["redirect"] = redirect;
        }
        else if (uri is not null)
        {
            plugins["redirect"] = new JsonObject { ["uri"] = uri, ["ret_code"] = code ?? 301 };
        }
    }

    private void AddProxyRewrite(Dictionary<string, JsonNode> plugins)
    {
        var target = Text("rewrite-target");
        var regex = Text("rewrite-target-regex");
        var template = Text("rewrite-target-regex-template");
        if (target is null && regex is null && template is null)
        {
            return;
        }

        var rewrite = new JsonObject();
        if (target is not null)
        {
            rewrite["uri"] = target;
        }

        if (regex is not null && template is not null)
        {
            if (RegexCheck.Error(regex) is { } problem)
            {
                Error("rewrite-target-regex", $"is not a valid regular expression: {problem}");
            }

            rewrite["regex_uri"] = new JsonArray(regex, template);
        }
        else if (regex is not null || template is not null)
        {
            var missing = regex is null ? "rewrite-target-regex" : "rewrite-target-regex-template";
            _scope.Warning(DiagnosticCodes.Suspicious, PathOf(regex is null ? "rewrite-target-regex-template" : "rewrite-target-regex"), $"is ignored without {Prefix}{missing}");
        }

        // 1.x writes the plugin whenever one of the three is set, so a lone regex or template leaves proxy-rewrite {}.
        plugins["proxy-rewrite"] = rewrite;
    }

    /// <summary>1.x: a 405 through response-rewrite vars; <c>enable-response-rewrite</c>, applied after, replaces it.</summary>
    private void AddMethodFilter(Dictionary<string, JsonNode> plugins)
    {
        var allow = Methods("http-allow-methods");
        var block = Methods("http-block-methods");
        if (allow is null && block is null)
        {
            return;
        }

        if (allow is not null && block is not null)
        {
            _scope.Warning(DiagnosticCodes.Suspicious, PathOf("http-block-methods"), $"is ignored because {Prefix}http-allow-methods is set");
        }

        var condition = allow is not null
            ? new JsonArray("request_method", "!", "in", ToArray(allow))
            : new JsonArray("request_method", "in", ToArray(block!));
        plugins["response-rewrite"] = new JsonObject { ["status_code"] = 405, ["vars"] = new JsonArray(condition) };
    }

    private List<string>? Methods(string name)
    {
        var methods = List(name);
        if (methods is null)
        {
            return null;
        }

        foreach (var method in methods.Where(m => !HttpMethods.Contains(m)))
        {
            Error(name, $"'{method}' is not an HTTP method ({string.Join(", ", HttpMethods)})");
        }

        return methods;
    }

    private void AddResponseRewrite(Dictionary<string, JsonNode> plugins)
    {
        if (!Flag("enable-response-rewrite"))
        {
            return;
        }

        if (plugins.ContainsKey("response-rewrite"))
        {
            _scope.Warning(DiagnosticCodes.Suspicious, PathOf("enable-response-rewrite"), "replaces the 405 response of http-allow-methods / http-block-methods (both use response-rewrite, as in 1.x); the method restriction is gone");
        }

        var rewrite = new JsonObject();
        if (Text("response-rewrite-status-code") is { } status)
        {
            if (int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 200 and <= 598)
            {
                rewrite["status_code"] = code;
            }
            else
            {
                Error("response-rewrite-status-code", $"'{status}' is not an HTTP status between 200 and 598");
            }
        }

        SetText(rewrite, "body", "response-rewrite-body");
        if (Flag("response-rewrite-body-base64"))
        {
            rewrite["body_base64"] = true;
        }

        var headers = new JsonObject();
        if (List("response-rewrite-add-header") is { } add)
        {
            headers["add"] = ToArray(add.Select(header => HeaderLine("response-rewrite-add-header", header)).OfType<string>());
        }

        if (List("response-rewrite-set-header") is { } set)
        {
            var map = new JsonObject();
            foreach (var header in set)
            {
                var parts = header.Split(':');
                if (parts.Length < 2 || parts[0].Length == 0)
                {
                    Error("response-rewrite-set-header", $"'{header}' is not name:value");
                    continue;
                }

                map[parts[0]] = parts[1];
            }

            headers["set"] = map;
        }

        if (List("response-rewrite-remove-header") is { } remove)
        {
            headers["remove"] = ToArray(remove);
        }

        if (headers.Count > 0)
        {
            rewrite["headers"] = headers;
        }

        plugins["response-rewrite"] = rewrite;
    }

    private string? HeaderLine(string name, string header)
    {
        var parts = header.Split(':');
        if (parts.Length < 2 || parts[0].Length == 0)
        {
            Error(name, $"'{header}' is not name:value");
            return null;
        }

        return $"{parts[0]}:{parts[1]}";
    }

    private void AddIpRestriction(Dictionary<string, JsonNode> plugins)
    {
        var allow = List("allowlist-source-range");
        var block = List("blocklist-source-range");
        if (allow is null && block is null)
        {
            return;
        }

        if (allow is not null && block is not null)
        {
            // ip-restriction takes exactly one of whitelist and blacklist.
            Error("blocklist-source-range", $"cannot be combined with {Prefix}allowlist-source-range");
            return;
        }

        var (name, key, ranges) = allow is not null ? ("allowlist-source-range", "whitelist", allow) : ("blocklist-source-range", "blacklist", block!);
        foreach (var range in ranges.Where(r => !Translators.ApisixRouteTranslator.IsIpOrCidr(r)))
        {
            Error(name, $"'{range}' is neither an IP address nor a CIDR");
        }

        plugins["ip-restriction"] = new JsonObject { [key] = ToArray(ranges) };
    }

    private void AddAuth(Dictionary<string, JsonNode> plugins)
    {
        switch (Text("auth-type"))
        {
            case null:
                break;
            case "basicAuth":
                plugins["basic-auth"] = new JsonObject();
                break;
            case "keyAuth":
                plugins["key-auth"] = new JsonObject();
                break;
            case var other:
                Error("auth-type", $"'{other}' is not basicAuth or keyAuth");
                break;
        }

        if (Text("auth-uri") is not { } uri)
        {
            return;
        }

        var forwardAuth = new JsonObject { ["uri"] = uri, ["ssl_verify"] = Text("auth-ssl-verify") != "false" };
        SetList(forwardAuth, "request_headers", "auth-request-headers");
        SetList(forwardAuth, "upstream_headers", "auth-upstream-headers");
        SetList(forwardAuth, "client_headers", "auth-client-headers");
        plugins["forward-auth"] = forwardAuth;
    }
}
