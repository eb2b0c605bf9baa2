using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Apisix.Translation.Manifests;
using Apisix.Translation.Simulation;
using Apisix.Translation.Tests.Support;
using Apisix.Translation.Validation;

namespace Apisix.Translation.Tests.Simulation;

/// <summary>
/// Regexes valid in PCRE (what APISIX compiles) that .NET rejects or reads otherwise: validation (what the webhook and
/// the validate command run) admits them, and the simulator, which matches with .NET, says it cannot run them
/// instead of failing or guessing.
/// </summary>
public sealed class PcreOnlyRegexTests
{
    private static readonly string Manifests = TestManifests.ServiceWithEndpoint("demo", "web", "10.96.0.7", "10.244.0.7") + """

        ---
        apiVersion: apisix.apache.org/v2
        kind: ApisixRoute
        metadata: {name: pcre, namespace: demo}
        spec:
          http:
          - name: possessive
            match:
              paths: [/p/*]
              exprs:
              - subject: {scope: Path}
                op: RegexMatch
                value: "^/p/[a-z]++$"
            backends: [{serviceName: web, servicePort: 80}]
          - name: subtraction
            match:
              paths: [/s/*]
              exprs:
              - subject: {scope: Path}
                op: RegexMatch
                value: "^/s/[a-z-[aeiou]]"
            backends: [{serviceName: web, servicePort: 80}]
          - name: python-group
            match: {paths: [/r/*]}
            backends: [{serviceName: web, servicePort: 80}]
            plugins:
            - name: proxy-rewrite
              enable: true
              config: {regex_uri: ["^/r/(?P<rest>.*)$", "/$1"]}
          - name: plain
            match: {paths: [/q/*]}
            backends: [{serviceName: web, servicePort: 80}]
            plugins:
            - name: proxy-rewrite
              enable: true
              config: {regex_uri: ["/q/", "/z/"]}
        """;

    private static readonly RouteSimulator Simulator = RouteSimulator.FromManifests(Manifests);

    private static ImmutableArray<Diagnostic> Validate(string manifests) =>
        Validator.Validate(TranslationInput.From(ManifestReader.Read(manifests, "in.yaml").Objects));

    [Fact]
    public void PcreOnlyRegexes_InExprsAndRegexUri_AreAdmitted()
    {
        Assert.Empty(Validate(Manifests));
        var vars = Simulator.Translation.Configuration.Routes.Select(r => r.Vars?.ToString() ?? string.Empty).ToList();
        Assert.Contains(vars, v => v.Contains("^/p/[a-z]++$", StringComparison.Ordinal));
        Assert.Contains(vars, v => v.Contains("^/s/[a-z-[aeiou]]", StringComparison.Ordinal));
    }

    [Fact]
    public void ABalancingGroup_IsRefused_InPcresWords()
    {
        var findings = Validate(Manifests.Replace("(?P<rest>.*)", "(?<a-b>.*)", StringComparison.Ordinal));
        var error = Assert.Single(findings, d => d.Severity == DiagnosticSeverity.Error);
        Assert.EndsWith("regex_uri[0]", error.Path, StringComparison.Ordinal);
        Assert.True(error.Message.Contains("syntax error in subpattern name (missing terminator?) at offset 8", StringComparison.Ordinal), error.Message);
    }

    [Theory]
    [InlineData("GET /p/abc")]
    [InlineData("GET /s/b")]
    public void ARouteThatTurnsOnAPcreOnlyRegex_IsUndetermined_NotAMiss(string request)
    {
        var result = Simulator.Match(request);
        Assert.True(result.Undetermined);
        Assert.False(result.Matched);
        Assert.Contains(result.Notes, n => n.Contains("valid PCRE that the simulator (.NET) cannot run", StringComparison.Ordinal));
    }

    [Fact]
    public void ARegexUriDotNetRejects_LeavesThePath_WithANote()
    {
        var result = Simulator.Match("GET /r/x/y");
        Assert.True(result.Matched);
        Assert.Equal("/r/x/y", result.UpstreamPath);
        Assert.Contains(result.Notes, n => n.StartsWith("proxy-rewrite: regex_uri the regex '^/r/(?P<rest>.*)$' is valid PCRE", StringComparison.Ordinal));
    }

    [Fact]
    public void RegexUri_ReplacesTheFirstMatchOnly_AsNgxReSub() =>
        Assert.Equal("/z/a/q/b", Simulator.Match("GET /q/a/q/b").UpstreamPath);

    [Theory]
    [InlineData("""[["uri","~~","^/a++"]]""", null)]
    [InlineData("""[["uri","!","~~","^/a++"]]""", null)]
    [InlineData("""["OR",["uri","~~","^/a++"],["uri","==","/x"]]""", true)]
    [InlineData("""["AND",["uri","~~","^/a++"],["uri","==","/y"]]""", false)]
    [InlineData("""["AND",["uri","~~","^/a++"],["uri","==","/x"]]""", null)]
    [InlineData("""[["uri","~~","^/(a"]]""", false)]
    public void AnExpression_IsUnknown_OnlyWhenItTurnsOnARegexTheSimulatorCannotRun(string expression, bool? expected)
    {
        var unrunnable = new List<string>();
        Assert.Equal(expected, ExprEvaluator.Holds(JsonNode.Parse(expression), new SimulatedRequest { Path = "/x" }, unrunnable));
        if (expected is null)
        {
            Assert.Equal("^/a++", Assert.Single(unrunnable));
        }
    }
}
