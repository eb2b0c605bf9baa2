using Apisix.Translation.Crds;
using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.Manifests.Readers;

/// <summary>Reads an ApisixRoute strictly, accepting the 2.x spellings that do not conflict with 1.x.</summary>
internal static class ApisixRouteReader
{
    public static ApisixRoute Read(FieldReader root, ObjectMeta metadata)
    {
        var route = root.Spec(spec =>
        {
            // The 1.x schema: each list, when given, has an item (that one of them is given is a rule of its own).
            spec.RefuseEmptyList("http");
            spec.RefuseEmptyList("stream");
            return new ApisixRoute
            {
                Metadata = metadata,
                IngressClassName = spec.String("ingressClassName"),
                Http = spec.List("http", ReadHttp),
                Stream = spec.List("stream", ReadStream),
            };
        });
        return route ?? new ApisixRoute { Metadata = metadata };
    }

    private static ApisixRouteHttp ReadHttp(FieldReader rule)
    {
        // 1.x: backends, when given, has one (a rule with neither backends nor upstreams is a rule of its own).
        rule.RefuseEmptyList("backends");
        return new ApisixRouteHttp
        {
            Name = rule.RequiredString("name"),
            Priority = rule.Long("priority"),
            Timeout = rule.Object("timeout", ReadTimeout),
            Match = rule.RequiredObject("match", ReadMatch) ?? new ApisixRouteMatch(),
            Websocket = rule.Bool("websocket"),
            PluginConfigName = rule.String("plugin_config_name"),
            PluginConfigNamespace = rule.String("plugin_config_namespace"),
            Backends = rule.List("backends", ReadBackend),
            Upstreams = rule.List("upstreams", u => new ApisixRouteUpstreamRef { Name = u.RequiredString("name"), Weight = u.Int("weight") }),
            Plugins = rule.List("plugins", ReadPlugin),
            Authentication = rule.Object("authentication", ReadAuthentication),
        };
    }

    public static DurationTimeout ReadTimeout(FieldReader timeout) => new()
    {
        Connect = timeout.String("connect"),
        Send = timeout.String("send"),
        Read = timeout.String("read"),
    };

    private static ApisixRouteMatch ReadMatch(FieldReader match)
    {
        // 1.x: hosts, when given, has one (an empty paths list is the "at least one path" rule).
        match.RefuseEmptyList("hosts");
        return new ApisixRouteMatch
        {
            Paths = match.StringList("paths"),
            Hosts = match.StringList("hosts"),
            Methods = match.StringList("methods"),
            RemoteAddrs = match.StringList("remoteAddrs"),
            Exprs = match.List("exprs", ReadExpr),
            FilterFunc = match.String("filter_func"),
        };
    }

    private static ApisixRouteExpr ReadExpr(FieldReader expr)
    {
        var subject = expr.RequiredObject("subject", s => (Scope: s.String("scope"), Name: s.String("name")).ToTuple());
        return new ApisixRouteExpr
        {
            Scope = subject?.Item1 ?? string.Empty,
            Name = subject?.Item2 ?? string.Empty,
            Op = expr.String("op") ?? string.Empty,
            Value = expr.String("value"),
            Set = expr.Has("set") ? expr.StringList("set") : (EquatableArray<string>?)null,
        };
    }

    public static ApisixRouteBackend ReadBackend(FieldReader backend) => ReadBackend(backend, weighted: true);

    /// <summary>A stream rule's backend: an http backend without <c>weight</c>, which its schema does not have.</summary>
    private static ApisixRouteBackend ReadStreamBackend(FieldReader backend) => ReadBackend(backend, weighted: false);

    private static ApisixRouteBackend ReadBackend(FieldReader backend, bool weighted) => new()
    {
        ServiceName = backend.RequiredString("serviceName"),
        ServicePort = backend.IntOrString("servicePort"),
        ResolveGranularity = backend.String("resolveGranularity"),
        Weight = weighted ? backend.Int("weight") : null,
        Subset = backend.String("subset"),
    };

    public static ApisixPlugin ReadPlugin(FieldReader plugin) => new()
    {
        Name = plugin.RequiredString("name"),
        Enable = plugin.Bool("enable") ?? true,
        Config = plugin.Json("config"),
        SecretRef = plugin.String("secretRef"),
    };

    private static ApisixRouteAuthentication ReadAuthentication(FieldReader auth) => new()
    {
        Enable = auth.RequiredBool("enable") ?? false,
        Type = auth.String("type") ?? string.Empty,
        KeyAuthHeader = auth.Object("keyAuth", k => k.String("header") ?? string.Empty) is { Length: > 0 } header ? header : null,
        JwtAuth = auth.Object("jwtAuth", j => new JwtAuthSettings { Header = j.String("header"), Query = j.String("query"), Cookie = j.String("cookie") }),
        LdapAuth = auth.Object("ldapAuth", l => new LdapAuthSettings
        {
            BaseDn = l.String("base_dn"),
            LdapUri = l.String("ldap_uri"),
            UseTls = l.Bool("use_tls"),
            Uid = l.String("uid"),
        }),
    };

    private static ApisixRouteStream ReadStream(FieldReader rule)
    {
        var match = rule.RequiredObject("match", m => (Port: m.Int("ingressPort"), Host: m.String("host")).ToTuple());
        if (match is { Item1: null })
        {
            rule.Context.Error(DiagnosticCodes.RequiredField, rule.PathOf("match") + ".ingressPort", "is required", rule.LineOf("match"));
        }

        var backend = rule.RequiredObject("backend", ReadStreamBackend);

        return new ApisixRouteStream
        {
            Name = rule.RequiredString("name"),
            Protocol = rule.String("protocol") ?? string.Empty,
            IngressPort = match?.Item1 ?? 0,
            Host = match?.Item2,
            Backend = backend ?? new ApisixRouteBackend(),
            Plugins = rule.List("plugins", ReadPlugin),
        };
    }
}
