using System.Globalization;
using System.Text.Json.Nodes;
using Apisix.Translation.Translators;

namespace Apisix.Translation.GatewayApi;

/// <summary>
/// HTTPRoute filters to APISIX plugins: header modifiers to proxy-rewrite / response-rewrite, redirects to
/// redirect, URL rewrites to proxy-rewrite, mirrors to proxy-mirror, ExtensionRef to an ApisixPluginConfig,
/// CORS to cors.
/// </summary>
internal static class HttpFilterTranslator
{
    /// <summary>The result of a rule's filters.</summary>
    internal sealed record Result(Dictionary<string, JsonNode> Plugins, string? PluginConfigId, bool Redirects, bool Broken, StatusCondition? Problem);

    // matchedPrefix: the PathPrefix of the match the route serves, for ReplacePrefixMatch (null: "/").
    public static Result Translate(GatewayRoute route, EquatableArray<HttpRouteFilter> filters, int listenerPort, string? matchedPrefix, string path, TranslationContext context, ObjectScope scope)
    {
        var plugins = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        string? pluginConfigId = null;
        var redirects = false;
        var broken = false;
        StatusCondition? problem = null;
        for (var f = 0; f < filters.Count; f++)
        {
            var filter = filters[f];
            var filterPath = $"{path}[{f}]";
            switch (filter.Type)
            {
                case "RequestHeaderModifier" when filter.Headers is { } headers:
                    Merge(plugins, "proxy-rewrite", new JsonObject { ["headers"] = RequestHeaders(headers) });
                    break;
                case "ResponseHeaderModifier" when filter.Headers is { } headers:
                    Merge(plugins, "response-rewrite", new JsonObject { ["headers"] = ResponseHeaders(headers) });
                    break;
                case "RequestRedirect" when filter.Redirect is { } redirect:
                    plugins["redirect"] = Redirect(redirect, listenerPort, matchedPrefix);
                    redirects = true;
                    break;
                case "URLRewrite" when filter.Rewrite is { } rewrite:
                    Merge(plugins, "proxy-rewrite", Rewrite(rewrite, matchedPrefix));
                    break;
                case "RequestMirror" when filter.MirrorBackend is { } mirror:
                    if (plugins.ContainsKey("proxy-mirror"))
                    {
                        scope.Warning("UnsupportedValue", filterPath, "APISIX mirrors to one backend per route; only the first RequestMirror is used");
                        break;
                    }

                    if (MirrorProblem(route, mirror, context) is { } mirrorProblem)
                    {
                        // The spec: an unresolvable mirror backend is not configured, and ResolvedRefs says why.
                        scope.Warning(mirrorProblem.Reason, $"{filterPath}.requestMirror.backendRef", mirrorProblem.Message);
                        problem ??= mirrorProblem;
                        break;
                    }

                    plugins["proxy-mirror"] = Mirror(route, mirror, filter.MirrorPercent);
                    break;
                case "ExtensionRef" when filter.ExtensionRef is { } extension:
                    // The spec: a filter that cannot be resolved must not be skipped; its requests get an error.
                    if (extension.Group != SecretResolver.ApisixGroup || extension.Kind != "ApisixPluginConfig")
                    {
                        var message = $"{extension.Group}/{extension.Kind} is not a filter this controller knows (apisix.apache.org/ApisixPluginConfig); requests get 500";
                        scope.Warning("InvalidKind", $"{filterPath}.extensionRef", message);
                        problem ??= StatusCondition.Failed("ResolvedRefs", "InvalidKind", message);
                        broken = true;
                    }
                    else if (context.Input.Get<Crds.ApisixPluginConfig>("ApisixPluginConfig", route.Namespace, extension.Name) is not { } pluginConfig ||
                        !context.Options.SelectsCrd(pluginConfig.IngressClassName) || context.IsInvalid(pluginConfig.Ref))
                    {
                        var message = $"ApisixPluginConfig {route.Namespace}/{extension.Name} is missing or invalid; requests get 500";
                        scope.Warning("BackendNotFound", $"{filterPath}.extensionRef", message);
                        problem ??= StatusCondition.Failed("ResolvedRefs", "BackendNotFound", message);
                        broken = true;
                    }
                    else
                    {
                        pluginConfigId = IdGenerator.GenId($"{route.Namespace}_{extension.Name}");
                    }

                    break;
                case "CORS" when filter.Cors is { } cors:
                    plugins["cors"] = Cors(cors);
                    break;
                default:
                    scope.Warning("UnsupportedValue", $"{filterPath}.type", $"filter type '{filter.Type}' is not supported; requests get 500");
                    broken = true;
                    break;
            }
        }

        return new Result(plugins, pluginConfigId, redirects, broken, problem);
    }

    private static void Merge(Dictionary<string, JsonNode> plugins, string name, JsonObject config)
    {
        if (plugins.TryGetValue(name, out var existing) && existing is JsonObject target)
        {
            foreach (var (key, value) in config.ToList())
            {
                config.Remove(key);
                target[key] = value;
            }

            return;
        }

        plugins[name] = config;
    }

    private static JsonObject RequestHeaders(HeaderModifier headers)
    {
        var result = new JsonObject();
        if (!headers.Add.IsEmpty)
        {
            // Repeated names are joined, as one header line with several values.
            result["add"] = ToObject(headers.Add.GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase).Select(g => new KeyValuePair<string, string>(g.Key, string.Join(",", g.Select(h => h.Value)))));
        }

        if (!headers.Set.IsEmpty)
        {
            result["set"] = ToObject(headers.Set);
        }

        if (!headers.Remove.IsEmpty)
        {
            result["remove"] = new JsonArray(headers.Remove.Select(r => (JsonNode?)JsonValue.Create(r)).ToArray());
        }

        return result;
    }

    private static JsonObject ResponseHeaders(HeaderModifier headers)
    {
        var result = new JsonObject();
        if (!headers.Add.IsEmpty)
        {
            result["add"] = new JsonArray(headers.Add.Select(h => (JsonNode?)JsonValue.Create($"{h.Key}: {h.Value}")).ToArray());
        }

        if (!headers.Set.IsEmpty)
        {
            result["set"] = ToObject(headers.Set);
        }

        if (!headers.Remove.IsEmpty)
        {
            result["remove"] = new JsonArray(headers.Remove.Select(r => (JsonNode?)JsonValue.Create(r)).ToArray());
        }

        return result;
    }

    private static JsonObject ToObject(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var result = new JsonObject();
        foreach (var (key, value) in pairs)
        {
            result[key] = value;
        }

        return result;
    }

    /// <summary>
    /// The redirect target. Without a port the spec uses the scheme's well-known port when the scheme
    /// changes, else the listener's; a well-known port is left out of the Location.
    /// </summary>
    private static JsonObject Redirect(RedirectFilter redirect, int listenerPort, string? matchedPrefix)
    {
        var scheme = redirect.Scheme ?? "$scheme";
        var host = redirect.Hostname ?? "$host";
        var port = redirect.Port ?? (redirect.Scheme is null ? listenerPort : DefaultPort(redirect.Scheme));
        var portPart = port == DefaultPort(redirect.Scheme) || (redirect.Scheme is null && port is 80 or 443) ? string.Empty : ":" + port.ToString(CultureInfo.InvariantCulture);
        var origin = $"{scheme}://{host}{portPart}";
        var result = new JsonObject { ["ret_code"] = redirect.StatusCode ?? 302 };
        switch (redirect.Path)
        {
            case { Type: "ReplaceFullPath" } full:
                result["uri"] = origin + full.Value;
                result["append_query_string"] = true;
                break;
            case { Type: "ReplacePrefixMatch" } prefix:
                // regex_uri's replacement is an ngx.re.sub template: only $1-style captures, no nginx
                // variables. Keep what the filter leaves unchanged relative (same scheme and host).
                result["regex_uri"] = PrefixRewrite(matchedPrefix, prefix.Value, LiteralOrigin(redirect, portPart));
                result["append_query_string"] = true;
                break;
            default:
                result["uri"] = origin + "$request_uri";
                break;
        }

        return result;
    }

    /// <summary>
    /// The origin part of a regex_uri redirect: absolute when the filter names the scheme and host,
    /// protocol-relative when it names only the host, and none (a path) when it names neither.
    /// </summary>
    private static string LiteralOrigin(RedirectFilter redirect, string portPart) => (redirect.Scheme, redirect.Hostname) switch
    {
        ({ } scheme, { } host) => $"{scheme}://{host}{portPart}",
        (null, { } host) => $"//{host}{portPart}",
        _ => string.Empty,
    };

    private static int DefaultPort(string? scheme) => scheme == "https" ? 443 : scheme == "http" ? 80 : -1;

    private static JsonObject Rewrite(RewriteFilter rewrite, string? matchedPrefix)
    {
        var result = new JsonObject();
        if (rewrite.Hostname is { } hostname)
        {
            result["host"] = hostname;
        }

        switch (rewrite.Path)
        {
            case { Type: "ReplaceFullPath" } full:
                result["uri"] = full.Value;
                break;
            case { Type: "ReplacePrefixMatch" } prefix:
                result["regex_uri"] = PrefixRewrite(matchedPrefix, prefix.Value, string.Empty);
                break;
        }

        return result;
    }

    /// <summary>
    /// A regex_uri pair that replaces the matched prefix, path element by path element: with prefix
    /// <c>/foo</c> and replacement <c>/bar</c>, <c>/foo</c> becomes <c>/bar</c> and <c>/foo/x</c> <c>/bar/x</c>;
    /// a replacement of <c>/</c> turns <c>/foo/x</c> into <c>/x</c>.
    /// </summary>
    public static JsonArray PrefixRewrite(string? matchedPrefix, string replacement, string origin)
    {
        var prefix = System.Text.RegularExpressions.Regex.Escape((matchedPrefix ?? "/").TrimEnd('/'));
        var target = replacement.TrimEnd('/');
        return target.Length == 0
            ? new JsonArray($"^{prefix}/?(.*)$", origin + "/$1")
            : new JsonArray($"^{prefix}(/.*)?$", origin + target + "$1");
    }

    /// <summary>Why a mirror backend cannot be used (kind, ReferenceGrant, Service and port), or null.</summary>
    private static StatusCondition? MirrorProblem(GatewayRoute route, ObjectReference mirror, TranslationContext context)
    {
        var ns = mirror.Namespace ?? route.Namespace;
        if (mirror.Group.Length != 0 || (mirror.Kind.Length != 0 && mirror.Kind != "Service"))
        {
            return StatusCondition.Failed("ResolvedRefs", "InvalidKind", $"{mirror.Kind} is not a supported mirror backend (core Service)");
        }

        if (!ReferenceGrants.Permit(context, ListenerResolver.GatewayGroup, route.Kind, route.Namespace, string.Empty, "Service", ns, mirror.Name))
        {
            return StatusCondition.Failed("ResolvedRefs", "RefNotPermitted", $"mirror Service {ns}/{mirror.Name} is in another namespace and no ReferenceGrant allows it");
        }

        var service = context.Input.Get<Kubernetes.Service>("Service", ns, mirror.Name);
        if (service is null || service.Ports.All(p => p.Port != MirrorPort(mirror)))
        {
            return StatusCondition.Failed("ResolvedRefs", "BackendNotFound", service is null
                ? $"mirror Service {ns}/{mirror.Name} not found"
                : $"mirror Service {ns}/{mirror.Name} has no port {MirrorPort(mirror).ToString(CultureInfo.InvariantCulture)}");
        }

        return null;
    }

    /// <summary>The mirror's Service port; 80 when none is given, as 1.x (the CRD requires one for a Service).</summary>
    private static int MirrorPort(ObjectReference mirror) => mirror.Port ?? 80;

    private static JsonObject Mirror(GatewayRoute route, ObjectReference mirror, double? percent)
    {
        var ns = mirror.Namespace ?? route.Namespace;
        var result = new JsonObject { ["host"] = $"http://{mirror.Name}.{ns}.svc.cluster.local:{MirrorPort(mirror).ToString(CultureInfo.InvariantCulture)}" };
        if (percent is { } share && share < 100)
        {
            result["sample_ratio"] = Math.Max(0.00001, share / 100.0);
        }

        return result;
    }

    private static JsonObject Cors(JsonBlob cors)
    {
        var source = cors.CloneNode() as JsonObject ?? [];
        var result = new JsonObject();
        static string Join(JsonNode? node) => node is JsonArray array ? string.Join(",", array.Select(item => item?.ToString())) : node?.ToString() ?? string.Empty;
        if (source["allowOrigins"] is { } origins)
        {
            result["allow_origins"] = Join(origins);
        }

        if (source["allowMethods"] is { } methods)
        {
            result["allow_methods"] = Join(methods);
        }

        if (source["allowHeaders"] is { } headers)
        {
            result["allow_headers"] = Join(headers);
        }

        if (source["exposeHeaders"] is { } expose)
        {
            result["expose_headers"] = Join(expose);
        }

        if (source["maxAge"] is { } maxAge)
        {
            result["max_age"] = maxAge.DeepClone();
        }

        if (source["allowCredentials"] is { } credentials)
        {
            result["allow_credential"] = credentials.DeepClone();
        }

        return result;
    }
}
