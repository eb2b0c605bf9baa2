namespace Apisix.Translation.Tests.Support;

/// <summary>Manifests that many tests need, written once.</summary>
internal static class TestManifests
{
    /// <summary>
    /// GatewayClass <c>apisix</c> of this controller and Gateway <c>gw</c> in <paramref name="namespace"/> with the
    /// given listeners, one YAML flow mapping per line (e.g. <c>{name: http, port: 80, protocol: HTTP}</c>).
    /// </summary>
    public static string Gateway(string @namespace, params string[] listeners) => $$$"""
        apiVersion: gateway.networking.k8s.io/v1
        kind: GatewayClass
        metadata: {name: apisix}
        spec: {controllerName: apisix.apache.org/apisix-ingress-controller}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gw, namespace: {{{@namespace}}}}
        spec:
          gatewayClassName: apisix
          listeners:
        {{{string.Join("\n", listeners.Select(l => "    - " + l))}}}
        """;

    /// <summary>GatewayClass <c>other</c> of another controller and its Gateway <c>gw</c> in namespace shop.</summary>
    public const string OtherControllersGateway = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: GatewayClass
        metadata: {name: other}
        spec: {controllerName: example.com/other-controller}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gw, namespace: shop}
        spec:
          gatewayClassName: other
          listeners: [{name: http, port: 80, protocol: HTTP}]
        """;

    /// <summary>The 2.x kinds, whose apiVersion is apisix.apache.org/v1alpha1 (the rest of the group is v2).</summary>
    public static readonly string[] V1Alpha1Kinds = ["GatewayProxy", "Consumer", "PluginConfig", "BackendTrafficPolicy", "HTTPRoutePolicy", "L4RoutePolicy"];

    /// <summary>
    /// An <c>apisix.apache.org</c> object of <paramref name="kind"/> named x in namespace ns, in its apiVersion, with
    /// <paramref name="spec"/> in YAML flow style (a spec over several lines has them indented under <c>spec</c>).
    /// </summary>
    public static string Crd(string kind, string spec)
    {
        var version = V1Alpha1Kinds.Contains(kind) ? "v1alpha1" : "v2";
        return $"apiVersion: apisix.apache.org/{version}\nkind: {kind}\nmetadata: {{name: x, namespace: ns}}\nspec: {spec.Replace("\n", "\n  ", StringComparison.Ordinal)}\n";
    }

    /// <summary>A Service (port 80 named http, target 8080) with one ready endpoint in an EndpointSlice.</summary>
    public static string ServiceWithEndpoint(string @namespace, string name, string clusterIp, string endpointIp) => $$$"""
        apiVersion: v1
        kind: Service
        metadata: {name: {{{name}}}, namespace: {{{@namespace}}}}
        spec:
          clusterIP: {{{clusterIp}}}
          ports: [{name: http, port: 80, targetPort: 8080}]
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: {{{name}}}-x1, namespace: {{{@namespace}}}, labels: {kubernetes.io/service-name: {{{name}}}}}
        addressType: IPv4
        ports: [{name: http, port: 8080}]
        endpoints: [{addresses: ["{{{endpointIp}}}"]}]
        """;
}
