using System.Text.Json.Nodes;
using Apisix.Translation.Simulation;

namespace Apisix.Translation.Tests.Simulation;

/// <summary>Cases that once gave wrong answers, each against APISIX's own semantics.</summary>
public sealed class SimulatorRegressionTests
{
    private const string Manifests = """
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: demo}
        spec:
          clusterIP: 10.96.0.5
          ports: [{name: http, port: 80}]
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: web-1, namespace: demo, labels: {kubernetes.io/service-name: web}}
        ports: [{name: http, port: 8080}]
        endpoints: [{addresses: [10.244.0.5]}]
        ---
        apiVersion: apisix.apache.org/v2
        kind: ApisixRoute
        metadata: {name: plugins, namespace: demo}
        spec:
          http:
          - name: teapot
            match: {paths: [/teapot]}
            backends: [{serviceName: web, servicePort: 80}]
            plugins:
            - name: fault-injection
              enable: true
              config: {abort: {http_status: 418, body: "short and stout"}}
          - name: rewrite
            match: {paths: [/old]}
            backends: [{serviceName: web, servicePort: 80}]
            plugins:
            - name: proxy-rewrite
              enable: true
              config: {uri: "/new?from=old"}
          - name: moved
            match: {paths: [/moved]}
            backends: [{serviceName: web, servicePort: 80}]
            plugins:
            - name: redirect
              enable: true
              config: {uri: "/here", ret_code: 308}
        """;

    private static readonly RouteSimulator Simulator = RouteSimulator.FromManifests(Manifests);

    [Fact]
    public void YamlIntegersInPluginConfigs_AreRead_NotAnException() =>
        Simulator.Match("GET http://any/teapot").ShouldBeAnsweredWith(418);

    [Fact]
    public void RedirectRetCodeFromYaml_IsUsed()
    {
        var result = Simulator.Match("GET http://any/moved").ShouldBeAnsweredWith(308);
        Assert.Equal("/here", result.Answer!.Location);
    }

    [Fact]
    public void ProxyRewriteUriWithQuery_KeepsTheClientQueryAfterAnAmpersand() =>
        Assert.Equal("/new?from=old&x=1", Simulator.Match("GET http://any/old?x=1").UpstreamPath);

    [Theory]
    [InlineData("""[["http_x","==","1"]]""", "X: 01", false)]
    [InlineData("""[["http_x","==",1]]""", "X: 01", true)]
    [InlineData("""[["http_x","~=","1"]]""", "X: 1.0", true)]
    [InlineData("""[["arg_Page","==","2"]]""", "", false)]
    [InlineData("""[["arg_page","==","2"]]""", "", true)]
    [InlineData("""[["http_x_roles","has","admin"]]""", "X-Roles: admin", false)]
    [InlineData("""[["arg_page","in",[2,3]]]""", "", false)]
    [InlineData("""[["arg_page","in",["2","3"]]]""", "", true)]
    [InlineData("""[["http_x","==","a, b"]]""", "X: a|X: b", true)]
    public void Expressions_FollowLuaRestyExpr(string expression, string headers, bool expected)
    {
        var request = new SimulatedRequest
        {
            Path = "/x",
            Query = "page=2",
            Headers = headers.Split('|', StringSplitOptions.RemoveEmptyEntries)
                .Select(h => new KeyValuePair<string, string>(h.Split(':', 2)[0].Trim(), h.Split(':', 2)[1].Trim()))
                .ToArray(),
        };
        Assert.Equal(expected, ExprEvaluator.Evaluate(JsonNode.Parse(expression), request));
    }
}
