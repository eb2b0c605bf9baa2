using Apisix.Translation.Manifests;
using Apisix.Translation.Tests.Support;

namespace Apisix.Translation.Tests.GatewayApi;

/// <summary>
/// The 1.x stream_route rules for UDPRoute and TLSRoute that the golden cases do not reach: UDP ids count
/// backendRefs (a ref that does not resolve still takes its index), TLSRoute labels are cut to APISIX's 64
/// characters, and a TLSRoute rule is served by its first backend.
/// </summary>
public sealed class L4RouteRuleTests
{
    private static readonly string Gateway = TestManifests.Gateway("shop",
        "{name: dns, port: 53, protocol: UDP}",
        "{name: tls, port: 8443, protocol: TLS, tls: {mode: Passthrough}}");

    private static readonly string Services =
        TestManifests.ServiceWithEndpoint("shop", "db", "10.96.10.5", "10.244.1.5") + "\n---\n" +
        TestManifests.ServiceWithEndpoint("shop", "db-b", "10.96.10.6", "10.244.1.6");

    private static TranslationResult Translate(string routes) =>
        Translator.Translate(TranslationInput.From(ManifestReader.Read(Gateway + "\n---\n" + Services + "\n---\n" + routes, "in.yaml").Objects));

    [Fact]
    public void UdpRouteIds_CountBackendRefs_EvenOneThatDoesNotResolve()
    {
        var result = Translate("""
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: UDPRoute
            metadata: {name: dns, namespace: shop}
            spec:
              parentRefs: [{name: gw, sectionName: dns}]
              rules:
                - backendRefs: [{name: ghost, port: 80}, {name: db, port: 80}]
            """);

        var stream = Assert.Single(result.Configuration.StreamRoutes);
        Assert.Equal(IdGenerator.GenId("shop_dns_0-1_tcp"), stream.Id);
        Assert.Equal(IdGenerator.GenId("shop_db_80"), stream.UpstreamId);
    }

    [Fact]
    public void TlsRouteLabels_AreCutTo64Characters()
    {
        var name = "tls-" + new string('x', 70);
        var result = Translate($$"""
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: TLSRoute
            metadata: {name: {{name}}, namespace: shop}
            spec:
              parentRefs: [{name: gw, sectionName: tls}]
              hostnames: [db.example.com]
              rules:
                - backendRefs: [{name: db, port: 80}]
            """);

        var stream = Assert.Single(result.Configuration.StreamRoutes);
        Assert.Equal(IdGenerator.GenId($"shop_{name}_0-db.example.com"), stream.Id);
        Assert.Equal(name[..64], stream.Labels!.Value["meta_tlsroute"]);
        Assert.Equal("shop", stream.Labels!.Value["meta_namespace"]);
        Assert.Equal("apisix-ingress-controller", stream.Labels!.Value["managed-by"]);
    }

    [Fact]
    public void TlsRouteRule_IsServedByItsFirstBackend_AndTheOthersAreWarnedAbout()
    {
        var result = Translate("""
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: TLSRoute
            metadata: {name: db-tls, namespace: shop}
            spec:
              parentRefs: [{name: gw, sectionName: tls}]
              hostnames: [a.example.com, b.example.com]
              rules:
                - backendRefs: [{name: db, port: 80}, {name: db-b, port: 80}]
            """);

        Assert.Equal(2, result.Configuration.StreamRoutes.Count);
        Assert.All(result.Configuration.StreamRoutes, s => Assert.Equal(IdGenerator.GenId("shop_db_80"), s.UpstreamId));
        Assert.Equal(["a.example.com", "b.example.com"], result.Configuration.StreamRoutes.Select(s => s.Sni).Order());
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal("spec.rules[0].backendRefs", warning.Path);
    }
}
