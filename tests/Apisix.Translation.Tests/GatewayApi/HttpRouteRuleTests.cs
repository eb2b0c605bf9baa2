using Apisix.Translation.Config;
using Apisix.Translation.Manifests;
using Apisix.Translation.Tests.Support;

namespace Apisix.Translation.Tests.GatewayApi;

/// <summary>
/// The 1.x HTTPRoute rules that the golden cases do not reach: hosts are the route's hostnames when the
/// listener has none, upstream <c>meta_*</c> labels are cut to APISIX's 64 characters, a RequestRedirect
/// with nothing set is a 302 to the request's own scheme, host and URI, and a RequestMirror without a port
/// mirrors to port 80.
/// </summary>
public sealed class HttpRouteRuleTests
{
    private static readonly string Gateway = TestManifests.Gateway("shop", "{name: http, port: 80, protocol: HTTP}");

    private static TranslationResult Translate(string services, string rules, string hostnames = "[]") =>
        Translator.Translate(TranslationInput.From(ManifestReader.Read($$"""
            {{Gateway}}
            ---
            {{services}}
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: web, namespace: shop}
            spec:
              parentRefs: [{name: gw}]
              hostnames: {{hostnames}}
              rules:
            {{rules}}
            """, "in.yaml").Objects));

    private static readonly string Web = TestManifests.ServiceWithEndpoint("shop", "web", "10.96.10.1", "10.244.1.10");

    private static string Plugin(Route route, string name) => route.Plugins!.Value[name].ToString();

    [Fact]
    public void Hosts_AreTheRouteHostnames_WhenTheListenerHasNone()
    {
        var result = Translate(Web, "    - backendRefs: [{name: web, port: 80}]", "[b.example.com, a.example.com]");

        var route = Assert.Single(result.Configuration.Routes);
        Assert.Equal(["b.example.com", "a.example.com"], route.Hosts!.Value);
        Assert.Null(route.Name);
    }

    // One path goes in `uri` as 1.x wrote it; an element-wise prefix needs two entries in `uris`.
    [Theory]
    [InlineData("{path: {type: Exact, value: /login}}", "/login", null)]
    [InlineData("{path: {type: PathPrefix, value: /}}", "/*", null)]
    [InlineData("{method: GET}", "/*", null)]
    [InlineData("{path: {type: PathPrefix, value: /v1/}}", null, "/v1 /v1/*")]
    [InlineData("{path: {type: RegularExpression, value: ^/a$}}", "/*", null)]
    public void APath_IsOneUri_OrTwoForAPrefix(string match, string? uri, string? uris)
    {
        var result = Translate(Web, $"    - {{matches: [{match}], backendRefs: [{{name: web, port: 80}}]}}");

        var route = Assert.Single(result.Configuration.Routes);
        Assert.Equal(uri, route.Uri);
        Assert.Equal(uris, route.Uris is { } list ? string.Join(' ', list) : null);
    }

    [Fact]
    public void ARuleWithoutMatches_ServesEveryPath()
    {
        var route = Assert.Single(Translate(Web, "    - backendRefs: [{name: web, port: 80}]").Configuration.Routes);

        Assert.Equal("/*", route.Uri);
        Assert.Null(route.Uris);
        Assert.Null(route.Vars);
    }

    [Fact]
    public void UpstreamMetaLabels_AreCutTo64Characters()
    {
        var name = "web-" + new string('x', 70);
        var result = Translate(TestManifests.ServiceWithEndpoint("shop", name, "10.96.10.1", "10.244.1.10"), $"    - backendRefs: [{{name: {name}, port: 80}}]");

        var upstream = Assert.Single(result.Configuration.Upstreams);
        Assert.Equal($"shop_{name}_80", upstream.Name);
        Assert.Equal(IdGenerator.GenId($"shop_{name}_80"), upstream.Id);
        Assert.Equal(name[..64], upstream.Labels!.Value["meta_backend"]);
        Assert.Equal("shop", upstream.Labels!.Value["meta_namespace"]);
        Assert.Equal("80", upstream.Labels!.Value["meta_port"]);
    }

    [Fact]
    public void RedirectWithNothingSet_Is302ToTheRequestsSchemeHostAndUri()
    {
        var result = Translate(Web, "    - filters: [{type: RequestRedirect, requestRedirect: {}}]");

        var route = Assert.Single(result.Configuration.Routes);
        Assert.Equal("""{"ret_code":302,"uri":"$scheme://$host$request_uri"}""", Plugin(route, "redirect"));
        Assert.Null(route.UpstreamId);
    }

    [Fact]
    public void MirrorWithoutPort_MirrorsToPort80()
    {
        var shadow = TestManifests.ServiceWithEndpoint("shop", "shadow", "10.96.10.9", "10.244.1.90");
        var result = Translate(Web + "\n---\n" + shadow, """
                - filters: [{type: RequestMirror, requestMirror: {backendRef: {name: shadow}}}]
                  backendRefs: [{name: web, port: 80}]
            """);

        var route = Assert.Single(result.Configuration.Routes);
        Assert.Equal("""{"host":"http://shadow.shop.svc.cluster.local:80"}""", Plugin(route, "proxy-mirror"));
        Assert.Empty(result.Diagnostics);
    }
}
