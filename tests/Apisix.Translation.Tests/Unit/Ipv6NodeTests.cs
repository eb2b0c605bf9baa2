using Apisix.Translation.Manifests;

namespace Apisix.Translation.Tests.Unit;

/// <summary>
/// APISIX needs an IPv6 node host in brackets in the array form of <c>nodes</c> (<c>[fd00::1]</c>); Kubernetes
/// gives endpoint addresses and cluster IPs bare. IPv4 addresses stay as they are.
/// </summary>
public sealed class Ipv6NodeTests
{
    private static string Manifests(string granularity, string clusterIp, string addressType, string address) => $$$"""
        apiVersion: apisix.apache.org/v2
        kind: ApisixRoute
        metadata: {name: r, namespace: default}
        spec:
          http:
          - name: rule1
            match: {paths: ["/a"]}
            backends: [{serviceName: s, servicePort: 80, resolveGranularity: {{{granularity}}}}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: s, namespace: default}
        spec: {clusterIP: "{{{clusterIp}}}", ports: [{name: http, port: 80, targetPort: 8080}]}
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: s-1, namespace: default, labels: {kubernetes.io/service-name: s}}
        addressType: {{{addressType}}}
        ports: [{name: http, port: 8080}]
        endpoints: [{addresses: ["{{{address}}}"], conditions: {ready: true}}]
        """;

    [Theory]
    [InlineData("endpoint", "fd00::10", "IPv6", "fd00::1", "[fd00::1]", 8080)]
    [InlineData("service", "fd00::10", "IPv6", "fd00::1", "[fd00::10]", 80)]
    [InlineData("endpoint", "10.0.0.10", "IPv4", "10.0.0.1", "10.0.0.1", 8080)]
    [InlineData("service", "10.0.0.10", "IPv4", "10.0.0.1", "10.0.0.10", 80)]
    public void NodeHosts_AreBracketedWhenIpv6(string granularity, string clusterIp, string addressType, string address, string host, int port)
    {
        var result = Translator.Translate(TranslationInput.From(ManifestReader.Read(Manifests(granularity, clusterIp, addressType, address), "v6.yaml").Objects));

        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        var node = Assert.Single(Assert.Single(result.Configuration.Upstreams).Nodes!.Value);
        Assert.Equal((host, port), (node.Host, node.Port));
    }
}
