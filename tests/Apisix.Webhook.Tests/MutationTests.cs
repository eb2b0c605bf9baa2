using System.Text;
using System.Text.Json.Nodes;

namespace Apisix.Webhook.Tests;

/// <summary>The mutating side: its patch applies to the original as the API server applies it, and a second pass adds nothing.</summary>
public sealed class MutationTests
{
    private const string Upstream = """
        {"apiVersion":"apisix.apache.org/v2","kind":"ApisixUpstream","metadata":{"name":"api","namespace":"shop"},
         "spec":{"timeout":{"read":"2m"},"healthCheck":{"active":{"healthy":{"interval":"2s"}},"passive":{"unhealthy":{"httpFailures":2}}},
           "portLevelSettings":[{"port":80,"timeout":{"connect":"1m30s"}},{"port":81,"loadbalancer":{"type":"chash","hashOn":"header","key":"x"}}]}}
        """;

    private const string PluginConfig = """{"apiVersion":"apisix.apache.org/v2","kind":"ApisixPluginConfig","metadata":{"name":"p","namespace":"shop"},"spec":{"plugins":[{"name":"cors","config":{}},{"name":"gzip","enable":false,"config":{}}]}}""";

    private const string GlobalRule = """{"apiVersion":"apisix.apache.org/v2","kind":"ApisixGlobalRule","metadata":{"name":"g","namespace":"shop"},"spec":{"plugins":[{"name":"cors","config":{}}]}}""";

    private const string StreamRoute = """
        {"apiVersion":"apisix.apache.org/v2","kind":"ApisixRoute","metadata":{"name":"s","namespace":"shop"},
         "spec":{"http":[{"name":"a","match":{"paths":["/*"]},"timeout":{"connect":"5s"},"backends":[{"serviceName":"a","servicePort":80},{"serviceName":"b","servicePort":80,"weight":0}]}],
           "stream":[{"name":"t","protocol":"TCP","match":{"ingressPort":9000},"backend":{"serviceName":"t","servicePort":9000},"plugins":[{"name":"ip-restriction","config":{"whitelist":["10.0.0.0/8"]}}]}]}}
        """;

    public static TheoryData<string, string> Objects() => new()
    {
        { "ApisixRoute", Fixtures.Route },
        { "ApisixRoute", StreamRoute },
        { "ApisixUpstream", Upstream },
        { "ApisixPluginConfig", PluginConfig },
        { "ApisixGlobalRule", GlobalRule },
    };

    [Theory]
    [MemberData(nameof(Objects))]
    public async Task ThePatchApplies_AndMutatingTheMutatedObjectGivesNoPatch(string kind, string obj)
    {
        var endpoint = InProcess.Endpoint();
        var first = await InProcess.Review(endpoint, Fixtures.Review("apisix.apache.org", kind, obj), mutate: true);
        Assert.True(first["allowed"]!.GetValue<bool>());
        Assert.Equal("JSONPatch", first["patchType"]!.GetValue<string>());
        var mutated = JsonPatch.Apply(JsonNode.Parse(obj)!, Patch(first));

        var second = await InProcess.Review(endpoint, Fixtures.Review("apisix.apache.org", kind, mutated.ToJsonString()), mutate: true);
        Assert.True(second["allowed"]!.GetValue<bool>());
        Assert.Null(second["patch"]);
        Assert.Null(second["patchType"]);
    }

    [Theory]
    [InlineData("CREATE", "other")] // another class: not ours
    [InlineData("DELETE", null)]
    [InlineData("CONNECT", null)]
    public async Task ObjectsOfAnotherClass_AndOtherOperations_AreAllowedUntouched(string operation, string? className)
    {
        var obj = className is null ? Fixtures.Route : Fixtures.WithClass(Fixtures.Route, className);
        var response = await InProcess.Review(InProcess.Endpoint(), Fixtures.Review("apisix.apache.org", "ApisixRoute", obj, operation), mutate: true);
        Assert.True(response["allowed"]!.GetValue<bool>());
        Assert.Null(response["patch"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DryRun_GetsTheSameAnswer_OnBothEndpoints(bool mutate)
    {
        // The webhook has no side effects (sideEffects: None), so --dry-run=server is answered as the real request.
        var endpoint = InProcess.Endpoint();
        foreach (var obj in new[] { Fixtures.Route, Fixtures.BadRoute })
        {
            var review = Fixtures.Review("apisix.apache.org", "ApisixRoute", obj);
            var dryRun = review.Replace("\"request\":{", "\"request\":{\"dryRun\":true,", StringComparison.Ordinal);
            Assert.NotEqual(review, dryRun);
            var real = await InProcess.Review(endpoint, review, mutate);
            Assert.Equal(real.ToJsonString(), (await InProcess.Review(endpoint, dryRun, mutate)).ToJsonString());
        }
    }

    [Fact]
    public async Task AGivenHealthCheck_GetsApisixsCheckerDefaults_AndTheResultIsAdmitted()
    {
        const string upstream = """
            {"apiVersion":"apisix.apache.org/v2","kind":"ApisixUpstream","metadata":{"name":"api","namespace":"shop"},
             "spec":{"healthCheck":{"active":{"httpPath":"/healthz","healthy":{"successes":3}},"passive":{"unhealthy":{"timeout":4}}}}}
            """;
        var endpoint = InProcess.Endpoint();

        var response = await InProcess.Review(endpoint, Fixtures.Review("apisix.apache.org", "ApisixUpstream", upstream), mutate: true);
        var check = JsonPatch.Apply(JsonNode.Parse(upstream)!, Patch(response))["spec"]!["healthCheck"]!;

        // What the user gave stays; the rest is what APISIX would use.
        Assert.Equal("/healthz", check["active"]!["httpPath"]!.GetValue<string>());
        Assert.Equal(3, check["active"]!["healthy"]!["successes"]!.GetValue<int>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"type":"http","timeout":1000000000,"concurrency":10,"httpPath":"/healthz","strictTLS":true,
             "healthy":{"successes":3,"interval":"1s","httpCodes":[200,302]},
             "unhealthy":{"interval":"1s","httpCodes":[429,404,500,501,502,503,504,505],"httpFailures":5,"tcpFailures":2,"timeouts":3}}
            """), check["active"]), check["active"]!.ToJsonString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"unhealthy":{"timeout":4,"httpCodes":[429,500,503],"httpFailures":5,"tcpFailures":2},"type":"http",
             "healthy":{"httpCodes":[200,201,202,203,204,205,206,207,208,226,300,301,302,303,304,305,306,307,308],"successes":5}}
            """), check["passive"]), check["passive"]!.ToJsonString());

        // 1.x refuses a healthy block without an interval; with APISIX's default written in, it is admitted.
        var before = await InProcess.Review(endpoint, Fixtures.Review("apisix.apache.org", "ApisixUpstream", upstream), mutate: false);
        Assert.False(before["allowed"]!.GetValue<bool>());
        var mutated = JsonPatch.Apply(JsonNode.Parse(upstream)!, Patch(response)).ToJsonString();
        var after = await InProcess.Review(endpoint, Fixtures.Review("apisix.apache.org", "ApisixUpstream", mutated), mutate: false);
        Assert.True(after["allowed"]!.GetValue<bool>(), after.ToJsonString());
    }

    private static JsonArray Patch(JsonObject response) =>
        JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(response["patch"]!.GetValue<string>())))!.AsArray();
}
