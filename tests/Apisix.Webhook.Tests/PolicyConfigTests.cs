using Apisix.Webhook.Admission;
using Apisix.Webhook.Hosting;

namespace Apisix.Webhook.Tests;

/// <summary>The <c>--config</c> policy file, as the webhook reads it and applies it.</summary>
public sealed class PolicyConfigTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("apisix-webhook-config").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private const string PreFunction = """
        {"apiVersion":"apisix.apache.org/v2","kind":"ApisixPluginConfig","metadata":{"name":"hooks","namespace":"NS"},
         "spec":{"plugins":[{"name":"serverless-pre-function","enable":true,"config":{"phase":"rewrite","functions":["CODE"]}}]}}
        """;

    private AdmissionDecision Validate(string config, string ns, string code)
    {
        var file = Path.Combine(_directory, "policy.json");
        File.WriteAllText(file, config);
        var options = WebhookOptions.Parse(["--tls-cert-file", "c", "--tls-private-key-file", "k", "--config", file], out var error);
        Assert.Null(error);
        var review = Fixtures.Review("apisix.apache.org", "ApisixPluginConfig", PreFunction.Replace("NS", ns, StringComparison.Ordinal).Replace("CODE", code, StringComparison.Ordinal));
        var request = AdmissionRequest.Parse(System.Text.Encoding.UTF8.GetBytes(review), out _)!;
        return new AdmissionValidator(options!.Validation, options.Translation).Validate(request);
    }

    [Fact]
    public void CodeExecution_IsAllowedOnlyInTheListedNamespaces()
    {
        const string config = """{"codeExecutionNamespaces":["platform"]}""";
        Assert.True(Validate(config, "platform", "return function(conf, ctx) ngx.log(ngx.ERR, 'hi') end").Allowed);
        var denied = Validate(config, "shop", "return function(conf, ctx) end");
        Assert.False(denied.Allowed);
        Assert.Contains("spec.plugins[0]", denied.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllowedLua_MustStillCompile_WithARealLua()
    {
        var denied = Validate("""{"allowCodeExecution":true}""", "shop", "return function(conf, ctx) if x then end");
        Assert.False(denied.Allowed);
        // Lua's own parser message, naming what it expected.
        Assert.Contains("'end' expected", denied.Message, StringComparison.Ordinal);
        Assert.Contains("spec.plugins[0].config.functions[0]", denied.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnreadableConfig_IsAUsageErrorNamingTheFile()
    {
        var file = Path.Combine(_directory, "broken.json");
        File.WriteAllText(file, "{\"apisixVersion\": ");
        Assert.Null(WebhookOptions.Parse(["--tls-cert-file", "c", "--tls-private-key-file", "k", "--config", file], out var error));
        Assert.Contains("broken.json", error, StringComparison.Ordinal);
    }
}
