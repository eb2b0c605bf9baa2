using Apisix.Translation.Crds;
using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.Manifests.Readers;

/// <summary>Strict readers for ApisixTls, ApisixConsumer, ApisixPluginConfig, ApisixGlobalRule and ApisixClusterConfig.</summary>
internal static class ApisixResourceReaders
{
    private static readonly string[] AuthMethods = ["keyAuth", "basicAuth", "jwtAuth", "wolfRBAC", "hmacAuth", "ldapAuth"];

    /// <summary>The fields of each method's <c>value</c>, in the order of <see cref="AuthMethods"/>: 1.x's, and 2.x's <c>private_key</c> and <c>key_id</c>.</summary>
    private static readonly string[][] ValueFields =
    [
        ["key"],
        ["username", "password"],
        ["key", "secret", "public_key", "private_key", "algorithm", "exp", "base64_secret", "lifetime_grace_period"],
        ["server", "appid", "header_prefix"],
        ["key_id", "access_key", "secret_key", "algorithm", "clock_skew", "signed_headers", "keep_headers", "encode_uri_params", "validate_request_body", "max_req_body"],
        ["user_dn"],
    ];

    public static ApisixTls ReadTls(FieldReader root, ObjectMeta metadata) =>
        root.Spec(spec => new ApisixTls
        {
            Metadata = metadata,
            IngressClassName = spec.String("ingressClassName"),
            Hosts = spec.StringList("hosts"),
            Secret = spec.Object("secret", ApisixUpstreamReader.ReadSecretReference),
            Client = spec.Object("client", client => new ApisixTlsClient
            {
                CaSecret = client.Object("caSecret", ApisixUpstreamReader.ReadSecretReference),
                Depth = client.Int("depth"),
                SkipMtlsUriRegex = client.StringList("skip_mtls_uri_regex"),
            }),
        }) ?? new ApisixTls { Metadata = metadata };

    public static ApisixConsumer ReadConsumer(FieldReader root, ObjectMeta metadata) =>
        root.Spec(spec => new ApisixConsumer
        {
            Metadata = metadata,
            IngressClassName = spec.String("ingressClassName"),
            AuthParameter = spec.Object("authParameter", ReadAuthParameter)?.Map ?? default,
            Plugins = spec.List("plugins", ApisixRouteReader.ReadPlugin),
        }) ?? new ApisixConsumer { Metadata = metadata };

    private static AuthParameterBox ReadAuthParameter(FieldReader parameter)
    {
        var methods = new List<KeyValuePair<string, ConsumerAuth>>();
        for (var i = 0; i < AuthMethods.Length; i++)
        {
            var method = AuthMethods[i];
            var fields = ValueFields[i];
            var auth = parameter.Object(method, m =>
            {
                m.CheckFields("value", fields);
                return new ConsumerAuth
                {
                    Value = m.Json("value"),
                    SecretRef = m.Object("secretRef", s => s.RequiredString("name")),
                };
            });
            if (auth is not null)
            {
                methods.Add(new(method, auth));
            }
        }

        return new AuthParameterBox(EquatableMap<ConsumerAuth>.From(methods));
    }

    public static ApisixPluginConfig ReadPluginConfig(FieldReader root, ObjectMeta metadata) =>
        root.Spec(spec => new ApisixPluginConfig
        {
            Metadata = metadata,
            IngressClassName = spec.String("ingressClassName"),
            Plugins = spec.List("plugins", ApisixRouteReader.ReadPlugin),
        }) ?? new ApisixPluginConfig { Metadata = metadata };

    public static ApisixGlobalRule ReadGlobalRule(FieldReader root, ObjectMeta metadata) =>
        root.Spec(spec => new ApisixGlobalRule
        {
            Metadata = metadata,
            IngressClassName = spec.String("ingressClassName"),
            Plugins = spec.List("plugins", ApisixRouteReader.ReadPlugin),
        }) ?? new ApisixGlobalRule { Metadata = metadata };

    public static ApisixClusterConfig ReadClusterConfig(FieldReader root, ObjectMeta metadata) =>
        root.Spec(spec =>
        {
            // The Go type also has admin.clientTimeout, the CRD schema does not: the API server drops it, and so do we.
            var admin = spec.Object("admin", a => new[] { a.RequiredString("baseURL"), a.String("adminKey") });
            var monitoring = spec.Object("monitoring", m => new
            {
                Prometheus = m.Object("prometheus", p => new { Enable = p.Bool("enable") ?? false, PreferName = p.Bool("prefer_name") }),
                Skywalking = m.Object("skywalking", s => new { Enable = s.Bool("enable") ?? false, Ratio = s.Number("sampleRatio") }),
            });
            var prometheus = monitoring?.Prometheus;
            var skywalking = monitoring?.Skywalking;
            return new ApisixClusterConfig
            {
                Metadata = metadata,
                IngressClassName = spec.String("ingressClassName"),
                AdminBaseUrl = admin?[0],
                AdminKey = admin?[1],
                PrometheusEnabled = prometheus?.Enable ?? false,
                PrometheusPreferName = prometheus?.PreferName,
                SkywalkingEnabled = skywalking?.Enable ?? false,
                SkywalkingSampleRatio = skywalking?.Ratio,
            };
        }) ?? new ApisixClusterConfig { Metadata = metadata };

    /// <summary>A class wrapper, since object readers return reference types.</summary>
    private sealed record AuthParameterBox(EquatableMap<ConsumerAuth> Map);
}
