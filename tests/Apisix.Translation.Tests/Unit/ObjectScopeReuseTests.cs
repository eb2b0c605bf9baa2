using Apisix.Translation.Manifests;

namespace Apisix.Translation.Tests.Unit;

/// <summary>
/// One scope serves every object of a kind in turn. Nothing of an object may leak into the next: not its
/// errors, its outputs, its findings' owner, nor their lines.
/// </summary>
public sealed class ObjectScopeReuseTests
{
    private const string Manifests = """
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec: {clusterIP: 10.0.0.1, ports: [{name: http, port: 80}]}
        ---
        apiVersion: apisix.apache.org/v2
        kind: ApisixRoute
        metadata: {name: a-broken, namespace: shop}
        spec:
          http:
          - name: r
            match: {paths: [/a]}
            backends: [{serviceName: missing, servicePort: 80}]
        ---
        apiVersion: apisix.apache.org/v2
        kind: ApisixRoute
        metadata: {name: b-fine, namespace: shop}
        spec:
          http:
          - name: r
            match: {paths: [/b]}
            backends: [{serviceName: web, servicePort: 80}]
        ---
        apiVersion: apisix.apache.org/v2
        kind: ApisixRoute
        metadata: {name: c-broken, namespace: shop}
        spec:
          http:
          - name: r
            match: {paths: [c]}
            backends: [{serviceName: web, servicePort: 80}]
        """;

    [Fact]
    public void ABrokenObject_NeitherBlocksNorMarksTheNextOne()
    {
        var read = ManifestReader.Read(Manifests, "routes.yaml");
        var result = Translator.Translate(TranslationInput.From(read.Objects));

        // Only the fine route is output; each broken one has its own error, at its own line.
        Assert.Equal(["shop_b-fine_r"], result.Configuration.Routes.Select(r => r.Name));
        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        Assert.Equal(["a-broken", "c-broken"], errors.Select(e => e.Object!.Name).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(result.Diagnostics, d => d.Object?.Name == "b-fine");
        Assert.Equal(13, errors.Single(e => e.Object!.Name == "a-broken").Location?.Line);
        Assert.Equal(30, errors.Single(e => e.Object!.Name == "c-broken").Location?.Line);
    }
}
