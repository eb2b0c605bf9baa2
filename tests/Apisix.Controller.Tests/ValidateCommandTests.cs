using System.Text.Json;

namespace Apisix.Controller.Tests;

public sealed class ValidateCommandTests
{
    private const string Scripted = """
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec: {clusterIP: 10.96.0.7, ports: [{name: http, port: 80}]}
        ---
        apiVersion: apisix.apache.org/v2
        kind: ApisixRoute
        metadata: {name: scripted, namespace: shop}
        spec:
          http:
          - name: home
            match: {paths: [/], filter_func: "function(vars) return true end"}
            backends: [{serviceName: web, servicePort: 80}]
        """;

    [Fact]
    public void Validate_CodeExecution_IsAnError_UnlessAllowed()
    {
        var (exit, stdout, _) = CliRunner.RunWithInput(Scripted, "validate", "-f", "-");
        Assert.Equal(1, exit);
        Assert.Contains("error ApisixRoute shop/scripted: spec.http[0].match.filter_func: filter_func runs Lua", stdout, StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.RunWithInput(Scripted, "validate", "-f", "-", "--allow-code-execution").Exit);
    }

    [Fact]
    public void Validate_JsonOutput_IsTheDiagnosticsArray()
    {
        var (_, stdout, _) = CliRunner.RunWithInput(Scripted, "validate", "-f", "-", "--output", "json");
        using var document = JsonDocument.Parse(stdout);
        var finding = Assert.Single(document.RootElement.EnumerateArray());
        Assert.Equal("CodeExecutionDenied", finding.GetProperty("code").GetString());
        Assert.Equal("spec.http[0].match.filter_func", finding.GetProperty("path").GetString());
    }

    [Fact]
    public void Validate_CustomPluginSchemas_AreUsed()
    {
        var folder = Directory.CreateTempSubdirectory();
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "my-plugin.json"), """{"type": "object", "properties": {"level": {"type": "integer", "maximum": 3}}}""");
            var route = Scripted.Replace("match: {paths: [/], filter_func: \"function(vars) return true end\"}", "match: {paths: [/]}\n    plugins: [{name: my-plugin, enable: true, config: {level: 5}}]", StringComparison.Ordinal);
            var (exit, stdout, _) = CliRunner.RunWithInput(route, "validate", "-f", "-", "--plugin-schemas", folder.FullName);
            Assert.Equal(1, exit);
            Assert.Contains("spec.http[0].plugins[0].config.level: must be at most 3, got 5", stdout, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Validate_ServerlessCode_IsCompiledByLua()
    {
        var route = Scripted.Replace("match: {paths: [/], filter_func: \"function(vars) return true end\"}", "match: {paths: [/]}\n    plugins: [{name: serverless-pre-function, enable: true, config: {functions: [\"return function(conf, ctx) local x = ; end\"]}}]", StringComparison.Ordinal);
        var (exit, stdout, _) = CliRunner.RunWithInput(route, "validate", "-f", "-", "--allow-code-execution");
        Assert.Equal(1, exit);
        Assert.Contains("spec.http[0].plugins[0].config.functions[0]: [string \"?\"]:1: unexpected symbol near ';'", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("validate", "-f", "-", "--apisix-version", "three")]
    [InlineData("validate", "-f", "-", "--plugin-schemas", "/nonexistent")]
    public void Validate_BadUsage_ExitsTwo(params string[] args) => Assert.Equal(2, CliRunner.RunWithInput(Scripted, args).Exit);

    [Fact]
    public void Validate_Examples_AreClean()
    {
        var (exit, stdout, _) = CliRunner.Run("validate", "-f", Path.Combine(CliRunner.RepositoryRoot, "examples"));
        Assert.Equal(string.Empty, stdout);
        Assert.Equal(0, exit);
    }
}
