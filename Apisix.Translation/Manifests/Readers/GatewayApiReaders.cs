using Apisix.Translation.GatewayApi;
using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.Manifests.Readers;

/// <summary>Strict readers for the Gateway API kinds.</summary>
internal static class GatewayApiReaders
{
    public static GatewayClass ReadGatewayClass(FieldReader root, ObjectMeta metadata) =>
        root.Spec(spec =>
        {
            spec.Take("parametersRef");
            spec.Take("description");
            return new GatewayClass { Metadata = metadata, ControllerName = spec.RequiredString("controllerName") };
        }) ?? new GatewayClass { Metadata = metadata };

    public static Gateway ReadGateway(FieldReader root, ObjectMeta metadata) =>
        root.Spec(spec =>
        {
            spec.Take("addresses");
            spec.Take("infrastructure");
            return new Gateway
            {
                Metadata = metadata,
                GatewayClassName = spec.RequiredString("gatewayClassName"),
                Listeners = spec.List("listeners", ReadListener),
            };
        }) ?? new Gateway { Metadata = metadata };

    private static Listener ReadListener(FieldReader listener)
    {
        var tls = listener.Object("tls", t =>
        {
            t.Take("options");
            t.Take("frontendValidation");
            return new { Mode = t.String("mode"), Refs = t.List("certificateRefs", ReadReference) };
        });
        var allowed = listener.Object("allowedRoutes", a => new
        {
            Namespaces = a.Object("namespaces", n => new { From = n.String("from"), Selector = n.Object("selector", ReadSelector) }),
            Kinds = a.List("kinds", ReadReference),
        });
        return new Listener
        {
            Name = listener.RequiredString("name"),
            Hostname = listener.String("hostname"),
            Port = listener.Int("port") ?? 0,
            Protocol = listener.RequiredString("protocol"),
            TlsMode = tls?.Mode,
            CertificateRefs = tls?.Refs ?? default,
            AllowedNamespacesFrom = allowed?.Namespaces?.From ?? "Same",
            AllowedNamespacesSelector = allowed?.Namespaces?.Selector,
            AllowedKinds = allowed?.Kinds ?? default,
        };
    }

    private static LabelSelector ReadSelector(FieldReader selector) => new()
    {
        MatchLabels = selector.StringMap("matchLabels"),
        MatchExpressions = selector.List("matchExpressions", e => new LabelSelectorRequirement(e.RequiredString("key"), e.RequiredString("operator"), e.StringList("values"))),
    };

    public static ObjectReference ReadReference(FieldReader reference) => new()
    {
        Group = reference.String("group") ?? string.Empty,
        Kind = reference.String("kind") ?? string.Empty,
        Namespace = reference.String("namespace"),
        Name = reference.String("name") ?? string.Empty,
        SectionName = reference.String("sectionName"),
        Port = reference.Int("port"),
        Weight = reference.Int("weight"),
        Filters = reference.List("filters", ReadFilter),
    };

    public static HttpRoute ReadHttpRoute(FieldReader root, ObjectMeta metadata) =>
        root.Spec(spec => new HttpRoute
        {
            Metadata = metadata,
            ParentRefs = spec.List("parentRefs", ReadReference),
            Hostnames = spec.StringList("hostnames"),
            Rules = spec.List("rules", rule => ReadRule(rule, ReadHttpMatch)),
        }) ?? new HttpRoute { Metadata = metadata };

    public static GrpcRoute ReadGrpcRoute(FieldReader root, ObjectMeta metadata) =>
        root.Spec(spec => new GrpcRoute
        {
            Metadata = metadata,
            ParentRefs = spec.List("parentRefs", ReadReference),
            Hostnames = spec.StringList("hostnames"),
            Rules = spec.List("rules", rule => ReadRule(rule, ReadGrpcMatch)),
        }) ?? new GrpcRoute { Metadata = metadata };

    public static Func<FieldReader, ObjectMeta, KubernetesObject> L4(string kind) => (root, metadata) =>
        root.Spec(spec => new L4Route
        {
            RouteKind = kind,
            Metadata = metadata,
            ParentRefs = spec.List("parentRefs", ReadReference),
            Hostnames = kind == "TLSRoute" ? spec.StringList("hostnames") : default,
            Rules = spec.List("rules", rule =>
            {
                rule.Take("name");
                return rule.List("backendRefs", ReadReference);
            }),
        }) ?? new L4Route { RouteKind = kind, Metadata = metadata };

    public static NamespaceObject ReadNamespace(FieldReader root, ObjectMeta metadata) => new() { Metadata = metadata };

    private static HttpRouteRule ReadRule(FieldReader rule, Func<FieldReader, HttpRouteMatch> readMatch)
    {
        rule.Take("timeouts");
        rule.Take("retry");
        rule.Take("sessionPersistence");
        return new HttpRouteRule
        {
            Name = rule.String("name"),
            Matches = rule.List("matches", readMatch),
            Filters = rule.List("filters", ReadFilter),
            BackendRefs = rule.List("backendRefs", ReadReference),
        };
    }

    private static HttpRouteMatch ReadHttpMatch(FieldReader match)
    {
        var path = match.Object("path", p => new { Type = p.String("type") ?? "PathPrefix", Value = p.String("value") ?? "/" });
        return new HttpRouteMatch
        {
            PathType = path?.Type,
            PathValue = path?.Value,
            Headers = match.List("headers", ReadValueMatch),
            QueryParams = match.List("queryParams", ReadValueMatch),
            Method = match.String("method"),
        };
    }

    private static HttpRouteMatch ReadGrpcMatch(FieldReader match)
    {
        var method = match.Object("method", m => new { Type = m.String("type") ?? "Exact", Service = m.String("service"), Method = m.String("method") });
        return new HttpRouteMatch
        {
            Headers = match.List("headers", ReadValueMatch),
            GrpcMethodType = method?.Type,
            GrpcService = method?.Service,
            GrpcMethod = method?.Method,
        };
    }

    private static ValueMatch ReadValueMatch(FieldReader match) =>
        new(match.String("type") ?? "Exact", match.RequiredString("name"), match.String("value") ?? string.Empty);

    private static HttpRouteFilter ReadFilter(FieldReader filter)
    {
        var type = filter.RequiredString("type");
        var mirror = filter.Object("requestMirror", ReadMirror);
        return new HttpRouteFilter
        {
            Type = type,
            Headers = filter.Object("requestHeaderModifier", ReadHeaders) ?? filter.Object("responseHeaderModifier", ReadHeaders),
            Redirect = filter.Object("requestRedirect", r => new RedirectFilter
            {
                Scheme = r.String("scheme"),
                Hostname = r.String("hostname"),
                Path = r.Object("path", ReadPathModifier),
                Port = r.Int("port"),
                StatusCode = r.Int("statusCode"),
            }),
            Rewrite = filter.Object("urlRewrite", r => new RewriteFilter { Hostname = r.String("hostname"), Path = r.Object("path", ReadPathModifier) }),
            MirrorBackend = mirror?.Backend,
            MirrorPercent = mirror?.Percent,
            ExtensionRef = filter.Object("extensionRef", ReadReference),
            Cors = filter.Json("cors"),
        };
    }

    private static Mirror ReadMirror(FieldReader mirror)
    {
        var backend = mirror.Object("backendRef", ReadReference);
        var percent = mirror.Int("percent");
        var fraction = mirror.Object("fraction", f => new { Numerator = f.Int("numerator") ?? 0, Denominator = f.Int("denominator") ?? 100 });
        double? share = percent is { } p ? p : fraction is { Denominator: > 0 } f ? 100.0 * f.Numerator / f.Denominator : null;
        return new Mirror(backend, share);
    }

    private static HeaderModifier ReadHeaders(FieldReader headers) => new()
    {
        Set = headers.List("set", h => new KeyValuePair<string, string>(h.RequiredString("name"), h.String("value") ?? string.Empty)),
        Add = headers.List("add", h => new KeyValuePair<string, string>(h.RequiredString("name"), h.String("value") ?? string.Empty)),
        Remove = headers.StringList("remove"),
    };

    private static PathModifier ReadPathModifier(FieldReader path)
    {
        var type = path.RequiredString("type");
        var value = type == "ReplacePrefixMatch" ? path.String("replacePrefixMatch") : path.String("replaceFullPath");
        return new PathModifier(type, value ?? "/");
    }

    private sealed record Mirror(ObjectReference? Backend, double? Percent);

}
