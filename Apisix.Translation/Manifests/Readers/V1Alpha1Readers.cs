using Apisix.Translation.Crds;
using Apisix.Translation.Crds.V1Alpha1;
using Apisix.Translation.GatewayApi;
using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.Manifests.Readers;

/// <summary>
/// Strict readers for the 2.x <c>apisix.apache.org/v1alpha1</c> kinds (reference §1.8), so that users who
/// bring 2.x manifests hear what their API server would drop or refuse. Where the v1alpha1 names differ from
/// the v2 ones (a GatewayProxy plugin's <c>enabled</c>, a BackendTrafficPolicy's unhealthy <c>timeouts</c>),
/// the v1alpha1 name is the one read.
/// </summary>
internal static class V1Alpha1Readers
{
    public static GatewayProxy ReadGatewayProxy(FieldReader root, ObjectMeta metadata) =>
        root.Spec(spec => new GatewayProxy
        {
            Metadata = metadata,
            PublishService = spec.String("publishService"),
            StatusAddress = spec.StringList("statusAddress"),
            Provider = spec.Object("provider", provider => new GatewayProxyProvider
            {
                Type = provider.String("type"),
                ControlPlane = provider.Object("controlPlane", ReadControlPlane),
            }),
            Plugins = spec.List("plugins", plugin => new ApisixPlugin
            {
                Name = plugin.String("name") ?? string.Empty,
                Enable = plugin.Bool("enabled") ?? true,
                Config = plugin.Json("config"),
            }),
            PluginMetadata = ReadPluginMetadata(spec),
        }) ?? new GatewayProxy { Metadata = metadata };

    private static ControlPlaneProvider ReadControlPlane(FieldReader controlPlane)
    {
        controlPlane.RefuseEmptyList("endpoints");
        var service = controlPlane.Object("service", s => (Name: s.String("name"), Port: s.Int("port")).ToTuple());
        return new ControlPlaneProvider
        {
            Mode = controlPlane.String("mode"),
            Endpoints = controlPlane.StringList("endpoints"),
            ServiceName = service?.Item1,
            ServicePort = service?.Item2,
            HasService = service is not null,
            TlsVerify = controlPlane.Bool("tlsVerify"),
            Auth = controlPlane.Object("auth", ReadAuth),
        };
    }

    private static ControlPlaneAuth ReadAuth(FieldReader auth)
    {
        var adminKey = auth.Object("adminKey", key => (
            Value: key.String("value"),
            Secret: key.Object("valueFrom", from => Tuple.Create(from.Object("secretKeyRef", secret => new SecretKeyReference
            {
                Name = secret.RequiredString("name"),
                Key = secret.RequiredString("key"),
            })))?.Item1).ToTuple());
        return new ControlPlaneAuth
        {
            Type = auth.String("type"),
            AdminKeyValue = adminKey?.Item1,
            AdminKeySecret = adminKey?.Item2,
            HasAdminKey = adminKey is not null,
        };
    }

    /// <summary><c>pluginMetadata</c>: a plugin name to an object each (a value of another type is refused by the rules).</summary>
    private static EquatableMap<JsonBlob> ReadPluginMetadata(FieldReader spec)
    {
        var metadata = spec.Object("pluginMetadata", map =>
        {
            var entries = new List<KeyValuePair<string, JsonBlob>>();
            foreach (var name in map.Keys)
            {
                if (map.Json(name) is { } value)
                {
                    entries.Add(new(name, value));
                }
            }

            return Tuple.Create(EquatableMap<JsonBlob>.From(entries));
        });
        return metadata?.Item1 ?? EquatableMap<JsonBlob>.Empty;
    }

    public static Consumer ReadConsumer(FieldReader root, ObjectMeta metadata) =>
        root.Spec(spec => new Consumer
        {
            Metadata = metadata,
            GatewayRef = spec.Object("gatewayRef", reference => new ObjectReference
            {
                Name = reference.RequiredString("name"),
                Kind = reference.String("kind") ?? "Gateway",
                Group = reference.String("group") ?? "gateway.networking.k8s.io",
                Namespace = reference.String("namespace"),
            }),
            Credentials = spec.List("credentials", credential => new ConsumerCredential
            {
                Type = credential.RequiredString("type"),
                Name = credential.String("name"),
                Config = credential.Json("config"),
                SecretRef = credential.Object("secretRef", ApisixUpstreamReader.ReadSecretReference),
            }),
            Plugins = spec.List("plugins", ReadPlugin),
        }) ?? new Consumer { Metadata = metadata };

    public static PluginConfig ReadPluginConfig(FieldReader root, ObjectMeta metadata) =>
        root.Spec(spec => new PluginConfig
        {
            Metadata = metadata,
            Plugins = spec.List("plugins", ReadPlugin),
        }) ?? new PluginConfig { Metadata = metadata };

    public static BackendTrafficPolicy ReadBackendTrafficPolicy(FieldReader root, ObjectMeta metadata) =>
        root.Spec(spec =>
        {
            spec.RefuseEmptyList("targetRefs");
            return new BackendTrafficPolicy
            {
                Metadata = metadata,
                TargetRefs = spec.List("targetRefs", ReadTargetRef),
                Settings = ApisixUpstreamReader.ReadPolicySettings(spec),
            };
        }) ?? new BackendTrafficPolicy { Metadata = metadata };

    public static HttpRoutePolicy ReadHttpRoutePolicy(FieldReader root, ObjectMeta metadata) =>
        root.Spec(spec => new HttpRoutePolicy
        {
            Metadata = metadata,
            TargetRefs = spec.List("targetRefs", ReadTargetRef),
            Priority = spec.Long("priority"),
            Vars = spec.Json("vars"),
        }) ?? new HttpRoutePolicy { Metadata = metadata };

    public static L4RoutePolicy ReadL4RoutePolicy(FieldReader root, ObjectMeta metadata) =>
        root.Spec(spec => new L4RoutePolicy
        {
            Metadata = metadata,
            TargetRefs = spec.List("targetRefs", ReadTargetRef),
            Plugins = spec.List("plugins", ReadPlugin),
        }) ?? new L4RoutePolicy { Metadata = metadata };

    /// <summary>A v1alpha1 plugin item: a name and a config (no enable, no secretRef).</summary>
    private static ApisixPlugin ReadPlugin(FieldReader plugin) => new()
    {
        Name = plugin.RequiredString("name"),
        Config = plugin.Json("config"),
    };

    /// <summary>A policy's target: a local object by group, kind and name, and optionally a section of it.</summary>
    private static ObjectReference ReadTargetRef(FieldReader target) => new()
    {
        Group = target.String("group") ?? string.Empty,
        Kind = target.RequiredString("kind"),
        Name = target.RequiredString("name"),
        SectionName = target.String("sectionName"),
    };
}
