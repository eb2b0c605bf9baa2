using Apisix.Translation.Crds;
using Apisix.Translation.Kubernetes;
using Apisix.Translation.Manifests.Readers;

namespace Apisix.Translation.Manifests;

/// <summary>The kinds the reader knows: their apiVersions, scope, strictness and reader.</summary>
internal static class KindRegistry
{
    private const string GatewayV1 = "gateway.networking.k8s.io/v1";
    private const string GatewayV1Beta1 = "gateway.networking.k8s.io/v1beta1";
    private const string GatewayV1Alpha2 = "gateway.networking.k8s.io/v1alpha2";

    /// <summary>The 2.x kinds' version (reference §1.8): read and checked, not translated.</summary>
    private const string ApisixV1Alpha1 = "apisix.apache.org/v1alpha1";

    private static readonly Dictionary<string, KindInfo> Kinds = new(StringComparer.Ordinal)
    {
        ["ApisixRoute"] = new(["apisix.apache.org/v2"], Namespaced: true, Strict: true, ApisixRouteReader.Read),
        ["ApisixUpstream"] = new(["apisix.apache.org/v2"], Namespaced: true, Strict: true, ApisixUpstreamReader.Read),
        ["ApisixTls"] = new(["apisix.apache.org/v2"], Namespaced: true, Strict: true, ApisixResourceReaders.ReadTls),
        ["ApisixConsumer"] = new(["apisix.apache.org/v2"], Namespaced: true, Strict: true, ApisixResourceReaders.ReadConsumer),
        ["ApisixPluginConfig"] = new(["apisix.apache.org/v2"], Namespaced: true, Strict: true, ApisixResourceReaders.ReadPluginConfig),
        ["ApisixGlobalRule"] = new(["apisix.apache.org/v2"], Namespaced: true, Strict: true, ApisixResourceReaders.ReadGlobalRule),
        ["ApisixClusterConfig"] = new(["apisix.apache.org/v2"], Namespaced: false, Strict: true, ApisixResourceReaders.ReadClusterConfig),
        ["GatewayProxy"] = new([ApisixV1Alpha1], Namespaced: true, Strict: true, V1Alpha1Readers.ReadGatewayProxy),
        ["Consumer"] = new([ApisixV1Alpha1], Namespaced: true, Strict: true, V1Alpha1Readers.ReadConsumer),
        ["PluginConfig"] = new([ApisixV1Alpha1], Namespaced: true, Strict: true, V1Alpha1Readers.ReadPluginConfig),
        ["BackendTrafficPolicy"] = new([ApisixV1Alpha1], Namespaced: true, Strict: true, V1Alpha1Readers.ReadBackendTrafficPolicy),
        ["HTTPRoutePolicy"] = new([ApisixV1Alpha1], Namespaced: true, Strict: true, V1Alpha1Readers.ReadHttpRoutePolicy),
        ["L4RoutePolicy"] = new([ApisixV1Alpha1], Namespaced: true, Strict: true, V1Alpha1Readers.ReadL4RoutePolicy),
        ["Ingress"] = new(["networking.k8s.io/v1"], Namespaced: true, Strict: true, NetworkingReaders.ReadIngress),
        ["IngressClass"] = new(["networking.k8s.io/v1"], Namespaced: false, Strict: true, NetworkingReaders.ReadIngressClass),
        ["ConfigMap"] = new(["v1"], Namespaced: true, Strict: false, CoreReaders.ReadConfigMap),
        ["Service"] = new(["v1"], Namespaced: true, Strict: false, CoreReaders.ReadService),
        ["EndpointSlice"] = new(["discovery.k8s.io/v1"], Namespaced: true, Strict: false, CoreReaders.ReadEndpointSlice),
        ["Endpoints"] = new(["v1"], Namespaced: true, Strict: false, CoreReaders.ReadEndpoints),
        ["Pod"] = new(["v1"], Namespaced: true, Strict: false, CoreReaders.ReadPod),
        ["Secret"] = new(["v1"], Namespaced: true, Strict: false, CoreReaders.ReadSecret),
        ["ReferenceGrant"] = new([GatewayV1Beta1, GatewayV1], Namespaced: true, Strict: true, ReferenceGrantReader.Read),
        ["GatewayClass"] = new([GatewayV1, GatewayV1Beta1], Namespaced: false, Strict: true, GatewayApiReaders.ReadGatewayClass),
        ["Gateway"] = new([GatewayV1, GatewayV1Beta1], Namespaced: true, Strict: true, GatewayApiReaders.ReadGateway),
        ["HTTPRoute"] = new([GatewayV1, GatewayV1Beta1], Namespaced: true, Strict: true, GatewayApiReaders.ReadHttpRoute),
        ["GRPCRoute"] = new([GatewayV1, GatewayV1Alpha2], Namespaced: true, Strict: true, GatewayApiReaders.ReadGrpcRoute),
        ["TCPRoute"] = new([GatewayV1Alpha2, GatewayV1], Namespaced: true, Strict: true, GatewayApiReaders.L4("TCPRoute")),
        ["UDPRoute"] = new([GatewayV1Alpha2, GatewayV1], Namespaced: true, Strict: true, GatewayApiReaders.L4("UDPRoute")),
        ["TLSRoute"] = new([GatewayV1Alpha2, "gateway.networking.k8s.io/v1alpha3", GatewayV1], Namespaced: true, Strict: true, GatewayApiReaders.L4("TLSRoute")),
        ["Namespace"] = new(["v1"], Namespaced: false, Strict: false, GatewayApiReaders.ReadNamespace),
    };

    /// <summary>The kind's entry, or null when the kind is unknown.</summary>
    public static KindInfo? Find(string kind) => Kinds.GetValueOrDefault(kind);

    /// <summary>What the reader knows about one kind.</summary>
    /// <param name="ApiVersions">The apiVersions read.</param>
    /// <param name="Namespaced">False for cluster-scoped kinds.</param>
    /// <param name="Strict">Report unknown fields (our CRDs) or ignore them (core kinds).</param>
    /// <param name="Read">Builds the typed object from the document root.</param>
    internal sealed record KindInfo(string[] ApiVersions, bool Namespaced, bool Strict, Func<FieldReader, ObjectMeta, KubernetesObject> Read);
}
