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
