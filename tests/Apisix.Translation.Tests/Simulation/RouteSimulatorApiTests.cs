using Apisix.Translation.Simulation;
using Apisix.Translation.Tests.Support;

namespace Apisix.Translation.Tests.Simulation;

/// <summary>The one-line API the README shows, run on the bundled examples.</summary>
public sealed class RouteSimulatorApiTests
{
    private static readonly RouteSimulator Examples = RouteSimulator.FromManifests(
        string.Join("\n---\n", Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "examples"), "*.yaml").Order(StringComparer.Ordinal).Select(File.ReadAllText)));

    [Fact]
    public void Examples_TranslateWithoutFindings() => Assert.Empty(Examples.Diagnostics);

    [Fact]
    public void CanaryRequest_WithUnknownKey_HitsTheApisixRoute_AndIsRefusedByKeyAuth() =>
        Examples.Match("GET http://api.example.com/v1/users", "X-Canary: 1", "X-API-Key: any")
            .ShouldHitRoute("ApisixRoute demo/httpbin")
            .ShouldRunPlugin("limit-count")
            .ShouldBeAnsweredWith(401);

    [Fact]
    public void StorefrontRequest_HitsTheIngress_AndReachesItsService() =>
        Examples.Match("GET https://shop.example.com/shop/cart")
            .ShouldHitRoute("Ingress demo/storefront")
            .ShouldRunPlugin("cors")
            .ShouldReachService("demo/storefront");

    [Fact]
    public void UnknownHost_MatchesNothing() => Examples.Match("GET http://nowhere.example.com/").ShouldNotMatch();

    [Fact]
    public void FailedExpectation_ExplainsWhatMatched()
    {
        var exception = Assert.Throws<RouteExpectationException>(() => Examples.Match("GET https://shop.example.com/healthz").ShouldHitRoute("ApisixRoute demo/httpbin"));
        Assert.Contains("Ingress demo/storefront", exception.Message, StringComparison.Ordinal);
        Assert.Contains("exact '/healthz'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProxyRewrite_FromTheIngressRegexAnnotation_RewritesThePath()
    {
        var result = Examples.Match("GET https://shop.example.com/shop/cart/items?x=1");
        Assert.Equal("/cart/items?x=1", result.UpstreamPath);
    }
}
