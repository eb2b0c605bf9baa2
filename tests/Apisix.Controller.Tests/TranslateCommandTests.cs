using System.Text.Json;

namespace Apisix.Controller.Tests;

public sealed class TranslateCommandTests
{
    private static readonly string[] StandaloneKeys = ["routes", "services", "upstreams", "ssls", "consumers", "plugin_configs", "global_rules", "stream_routes", "plugin_metadata"];

    private const string BrokenRoute = """
        apiVersion: apisix.apache.org/v2
        kind: ApisixRoute
        metadata: {name: broken, namespace: shop}
        spec:
          http:
          - name: r1
            match: {paths: [/]}
            backends: [{serviceName: missing, servicePort: 80}]
        """;

    [Fact]
    public void Translate_Examples_PrintsEveryStandaloneKeyAndExitsZero()
    {
        var (exit, stdout, stderr) = CliRunner.Run("translate", "-f", Path.Combine(CliRunner.RepositoryRoot, "examples"));
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stderr);
        using var document = JsonDocument.Parse(stdout);
        Assert.Equal(StandaloneKeys, document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.True(document.RootElement.GetProperty("routes").GetArrayLength() > 0);
    }

    [Fact]
    public void Translate_YamlFormat_EndsWithTheEndMarker()
    {
        var (exit, stdout, _) = CliRunner.Run("translate", "-f", Path.Combine(CliRunner.RepositoryRoot, "examples"), "--format", "yaml");
        Assert.Equal(0, exit);
        Assert.EndsWith("#END\n", stdout, StringComparison.Ordinal);
        Assert.Contains("routes:\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Translate_WithErrors_ExitsOne_AndPrintsOneLinePerDiagnostic()
    {
        var (exit, stdout, stderr) = CliRunner.RunWithInput(BrokenRoute, "translate", "-f", "-");
        Assert.Equal(1, exit);
        Assert.Contains("\"routes\": []", stdout, StringComparison.Ordinal);
        Assert.Equal(
            "error ApisixRoute shop/broken: spec.http[0].backends[0].serviceName: Service shop/missing not found (-:8)",
            stderr.TrimEnd());
    }

    [Fact]
    public void Translate_JsonDiagnostics_HaveTheDocumentedFields()
    {
        var (exit, _, stderr) = CliRunner.RunWithInput(BrokenRoute, "translate", "-f", "-", "--diagnostics", "json");
        Assert.Equal(1, exit);
        using var document = JsonDocument.Parse(stderr);
        var diagnostic = Assert.Single(document.RootElement.EnumerateArray());
        Assert.Equal("error", diagnostic.GetProperty("severity").GetString());
        Assert.Equal("BackendNotFound", diagnostic.GetProperty("code").GetString());
        Assert.Equal("ApisixRoute", diagnostic.GetProperty("kind").GetString());
        Assert.Equal("shop", diagnostic.GetProperty("namespace").GetString());
        Assert.Equal("broken", diagnostic.GetProperty("name").GetString());
        Assert.Equal("spec.http[0].backends[0].serviceName", diagnostic.GetProperty("path").GetString());
        Assert.Contains("not found", diagnostic.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Translate_MissingFile_ExitsTwo()
    {
        var (exit, _, stderr) = CliRunner.Run("translate", "-f", "/nonexistent/routes.yaml");
        Assert.Equal(2, exit);
        Assert.Contains("no such file", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("translate")]
    [InlineData("translate", "-f", "x", "--format", "xml")]
    [InlineData("frobnicate")]
    public void BadUsage_ExitsTwo(params string[] args) => Assert.Equal(2, CliRunner.Run(args).Exit);

    [Fact]
    public void Translate_MalformedYaml_IsADiagnostic_NotACrash()
    {
        var (exit, stdout, stderr) = CliRunner.RunWithInput("kind: [unclosed\n---\napiVersion: v1\nkind: Service\nmetadata: {name: ok}\n", "translate", "-f", "-");
        Assert.Equal(1, exit);
        Assert.StartsWith("{", stdout, StringComparison.Ordinal);
        Assert.Contains("MalformedManifest", CliRunner.RunWithInput("kind: [unclosed\n", "translate", "-f", "-", "--diagnostics", "json").Stderr, StringComparison.Ordinal);
        Assert.StartsWith("error manifest: ", stderr, StringComparison.Ordinal);
    }
}
