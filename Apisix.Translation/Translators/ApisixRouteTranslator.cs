using System.Collections.Frozen;
using System.Net;
using System.Text.Json.Nodes;
using Apisix.Translation.Config;
using Apisix.Translation.Crds;

namespace Apisix.Translation.Translators;

/// <summary>
/// An ApisixRoute to routes, upstreams and stream_routes (reference §2.4 - §2.8). Every problem is
/// reported with its field path; the object's outputs are dropped by the caller if any is an error.
/// </summary>
internal static class ApisixRouteTranslator
{
    private static readonly string[] RulePaths = Enumerable.Range(0, 32).Select(i => $"spec.http[{i}]").ToArray();

    private static readonly string[] KnownAuthenticationTypes = ["basicAuth", "keyAuth", "jwtAuth", "wolfRBAC", "hmacAuth", "ldapAuth"];

    private static readonly FrozenSet<string> Methods = FrozenSet.Create(StringComparer.Ordinal, "CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE");


    public static void Translate(ApisixRoute route, TranslationContext context, ObjectScope scope)
    {
        if (route.Http.IsEmpty && route.Stream.IsEmpty)
        {
            scope.Error(DiagnosticCodes.RequiredField, "spec", "needs http or stream rules");
            return;
        }

        var labels = ManagedLabels.With(route.Metadata.Labels);
        var httpNames = new RepeatFinder<ApisixRouteHttp, string>(route.Http, static rule => rule.Name);
        for (var i = 0; i < route.Http.Count; i++)
        {
            var path = i < RulePaths.Length ? RulePaths[i] : $"spec.http[{i}]";
            var rule = route.Http[i];
            if (httpNames.At(i))
            {
                scope.Error(DiagnosticCodes.Duplicate, $"{path}.name", $"duplicated route rule name '{rule.Name}'");
                continue;
            }

            TranslateHttp(route, rule, labels, path, context, scope);
        }

        var streamNames = new RepeatFinder<ApisixRouteStream, string>(route.Stream, static rule => rule.Name);
        for (var i = 0; i < route.Stream.Count; i++)
        {
            var path = $"spec.stream[{i}]";
            var rule = route.Stream[i];
            if (streamNames.At(i))
            {
                scope.Error(DiagnosticCodes.Duplicate, $"{path}.name", $"duplicated stream rule name '{rule.Name}'");
                continue;
            }

            StreamRuleTranslator.Translate(route, rule, path, context, scope);
        }
    }

    private static void TranslateHttp(ApisixRoute route, ApisixRouteHttp rule, EquatableMap<string> labels, string path, TranslationContext context, ObjectScope scope)
    {
        var match = rule.Match;
        CheckMatch(match, path, scope);
        if (rule.Backends.IsEmpty && rule.Upstreams.IsEmpty)
        {
            scope.Error(DiagnosticCodes.RequiredField, $"{path}.backends", "a rule needs backends or upstreams");
        }

        var plugins = PluginTranslator.Translate(rule.Plugins, route.Namespace, new LazyPath(path, ".plugins"), context, scope);
        if (rule.Authentication is { Enable: true } authentication)
        {
            if (!KnownAuthenticationTypes.Contains(authentication.Type))
            {
                scope.Warning(DiagnosticCodes.Suspicious, $"{path}.authentication.type", $"'{authentication.Type}' is not one of {string.Join(", ", KnownAuthenticationTypes)}; basic-auth is used (as in 1.x)");
            }

            var (name, config) = AuthenticationPlugin(authentication);
            plugins = plugins.SetItem(name, config);
        }

        var upstreamId = TrafficSplitBuilder.Build(route, rule, path, context, scope, ref plugins);
        var routeName = $"{route.Namespace}_{route.Name}_{rule.Name}";
        var pluginConfigNamespace = string.IsNullOrEmpty(rule.PluginConfigNamespace) ? route.Namespace : rule.PluginConfigNamespace;
        if (!string.IsNullOrEmpty(rule.PluginConfigName))
        {
            PluginConfigReference.Check(pluginConfigNamespace, rule.PluginConfigName, $"{path}.plugin_config_name", context, scope);
        }

        scope.Routes.Add(new Route
        {
            Id = IdGenerator.GenId(routeName),
            Name = routeName,
            Desc = ManagedLabels.Description,
            Labels = labels,
            Hosts = NullIfEmpty(match.Hosts),
            Uris = NullIfEmpty(match.Paths),
            Priority = rule.Priority is null or 0 ? null : rule.Priority,
            Timeout = rule.Timeout is null ? null : TimeoutTranslator.Translate(rule.Timeout, $"{path}.timeout", scope, negativeIsError: false),
            Vars = ExprTranslator.Translate(match.Exprs, new LazyPath(path, ".match.exprs"), scope),
            Methods = NullIfEmpty(match.Methods),
            EnableWebsocket = rule.Websocket == true ? true : null,
            RemoteAddrs = NullIfEmpty(match.RemoteAddrs),
            UpstreamId = upstreamId,
            Plugins = plugins.IsEmpty ? null : plugins,
            PluginConfigId = string.IsNullOrEmpty(rule.PluginConfigName) ? null : IdGenerator.GenId($"{pluginConfigNamespace}_{rule.PluginConfigName}"),
            FilterFunc = string.IsNullOrEmpty(match.FilterFunc) ? null : match.FilterFunc,
        });
    }

    private static void CheckMatch(ApisixRouteMatch match, string rulePath, ObjectScope scope)
    {
        var path = new LazyPath(rulePath, ".match");
        if (match.Paths.IsEmpty)
        {
            scope.Error(DiagnosticCodes.RequiredField, $"{path}.paths", "at least one path is required");
        }

        for (var i = 0; i < match.Paths.Count; i++)
        {
            if (!match.Paths[i].StartsWith('/'))
            {
                scope.Error(DiagnosticCodes.InvalidValue, $"{path}.paths[{i}]", $"'{match.Paths[i]}' must start with /");
            }
        }

        for (var i = 0; i < match.Hosts.Count; i++)
        {
            if (!IsHostPattern(match.Hosts[i]))
            {
                scope.Error(DiagnosticCodes.InvalidValue, $"{path}.hosts[{i}]", $"'{match.Hosts[i]}' is not a host name (a leading * makes a wildcard)");
            }
        }

        for (var i = 0; i < match.Methods.Count; i++)
        {
            if (!Methods.Contains(match.Methods[i]))
            {
                scope.Error(DiagnosticCodes.InvalidValue, $"{path}.methods[{i}]", $"'{match.Methods[i]}' is not one of {string.Join(", ", Methods.Order(StringComparer.Ordinal))}");
            }
        }

        for (var i = 0; i < match.RemoteAddrs.Count; i++)
        {
            if (!IsIpOrCidr(match.RemoteAddrs[i]))
            {
                scope.Error(DiagnosticCodes.InvalidValue, $"{path}.remoteAddrs[{i}]", $"'{match.RemoteAddrs[i]}' is neither an IP address nor a CIDR");
            }
        }
    }

    /// <summary>True for an IPv4/IPv6 address or CIDR with a prefix length in range.</summary>
    public static bool IsIpOrCidr(string value)
    {
        var slash = value.IndexOf('/');
        var addressText = slash < 0 ? value : value[..slash];
        if (!IPAddress.TryParse(addressText, out var address) || addressText.Contains('%'))
        {
            return false;
        }

        if (slash < 0)
        {
            return true;
        }

        var maxPrefix = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32;
        return int.TryParse(value.AsSpan(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var prefix) && prefix <= maxPrefix;
    }

    /// <summary>The plugin the authentication shorthand adds (reference §2.4.4); unknown types give basic-auth as in 1.x.</summary>
    private static (string Name, JsonBlob Config) AuthenticationPlugin(ApisixRouteAuthentication authentication)
    {
        var config = new JsonObject();
        void Set(string key, JsonNode? value)
        {
            if (value is not null)
            {
                config[key] = value;
            }
        }

        string name;
        switch (authentication.Type)
        {
            case "keyAuth":
                name = "key-auth";
                Set("header", authentication.KeyAuthHeader is { Length: > 0 } header ? JsonValue.Create(header) : null);
                break;
            case "jwtAuth":
                name = "jwt-auth";
                Set("header", Text(authentication.JwtAuth?.Header));
                Set("query", Text(authentication.JwtAuth?.Query));
                Set("cookie", Text(authentication.JwtAuth?.Cookie));
                break;
            case "ldapAuth":
                name = "ldap-auth";
                Set("base_dn", Text(authentication.LdapAuth?.BaseDn));
                Set("ldap_uri", Text(authentication.LdapAuth?.LdapUri));
                Set("use_tls", authentication.LdapAuth?.UseTls is { } useTls ? JsonValue.Create(useTls) : null);
                Set("uid", Text(authentication.LdapAuth?.Uid));
                break;
            case "wolfRBAC":
                name = "wolf-rbac";
                break;
            case "hmacAuth":
                name = "hmac-auth";
                break;
            default:
                name = "basic-auth";
                break;
        }

        return (name, new JsonBlob(config));
    }

    private static JsonValue? Text(string? value) => string.IsNullOrEmpty(value) ? null : JsonValue.Create(value);

    private static EquatableArray<string>? NullIfEmpty(EquatableArray<string> values) => values.IsEmpty ? (EquatableArray<string>?)null : values;

    /// <summary>The 1.x CRD host pattern <c>^\*?[0-9a-zA-Z-._]+$</c>, checked by hand on this hot path.</summary>
    private static bool IsHostPattern(string host) => WildcardHost.Matches(host, WildcardHost.CrdCharacters);
}
