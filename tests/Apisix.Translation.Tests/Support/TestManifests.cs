namespace Apisix.Translation.Tests.Support;

/// <summary>Manifests that many tests need, written once.</summary>
internal static class TestManifests
{
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
