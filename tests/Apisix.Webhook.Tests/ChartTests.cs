using System.Text.RegularExpressions;

namespace Apisix.Webhook.Tests;

/// <summary>
/// The chart and the README send the API server every kind the webhook checks. These tests read the
/// templates and the README as text (the rules' resource lists, and the flags the Deployment passes);
/// ChartRenderTests.cs renders the chart and reads the manifests.
/// </summary>
public sealed partial class ChartTests
{
    private static readonly string Root = Repository.Root;

    /// <summary>The kinds the webhook validates (the library's strict kinds in our three groups), as resources.</summary>
    private static readonly Dictionary<string, string[]> Validated = new()
    {
        ["apisix.apache.org"] = ["apisixroutes", "apisixupstreams", "apisixtlses", "apisixconsumers", "apisixpluginconfigs", "apisixglobalrules", "apisixclusterconfigs"],
        ["networking.k8s.io"] = ["ingresses", "ingressclasses"],
        ["gateway.networking.k8s.io"] = ["gatewayclasses", "gateways", "httproutes", "grpcroutes", "tcproutes", "udproutes", "tlsroutes", "referencegrants"],
    };

    /// <summary>The kinds the mutating side has defaults for (Defaulter).</summary>
    private static readonly string[] Mutated = ["apisixroutes", "apisixupstreams", "apisixpluginconfigs", "apisixglobalrules", "apisixconsumers"];

    [Theory]
    [InlineData("charts/apisix-ingress/templates/webhook-configurations.yaml")]
    [InlineData("README.md")]
    public void ValidatingRules_CoverEveryKindTheWebhookChecks_AndMutatingRulesEveryDefaultedKind(string file)
    {
        var text = File.ReadAllText(Path.Combine(Root, file));
        var validating = Section(text, "kind: ValidatingWebhookConfiguration", "kind: MutatingWebhookConfiguration");
        var mutating = Section(text, "kind: MutatingWebhookConfiguration", null);
        foreach (var (group, resources) in Validated)
        {
            var listed = Rule(validating, group);
            Assert.Equal(resources.Order(), listed.Order());
        }

        Assert.Equal(Mutated.Order(), Rule(mutating, "apisix.apache.org").Order());
        Assert.Contains("sideEffects: None", validating, StringComparison.Ordinal);
        Assert.Contains("sideEffects: None", mutating, StringComparison.Ordinal);
    }

    [Fact]
    public void Deployment_PassesOnlyFlagsTheWebhookAccepts_AndTheRecommendedValuesRequireClientCertificates()
    {
        var deployment = File.ReadAllText(Path.Combine(Root, "charts/apisix-ingress/templates/webhook-deployment.yaml"));

        // The container's args as the chart writes them, with the values filled in and client auth on.
        var args = ArgPattern().Matches(deployment).Select(m => m.Groups["arg"].Value
            .Replace("{{ $w.port }}", "8443", StringComparison.Ordinal)
            .Replace("{{ $w.logFormat }}", "json", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["--listen", "--tls-cert-file", "--tls-private-key-file", "--config", "--log-format", "--client-ca-file"], args.Select(a => a.Split('=')[0]));
        Assert.DoesNotContain(args, a => a.Contains("{{", StringComparison.Ordinal));

        var policy = Path.Combine(Path.GetTempPath(), $"chart-policy-{Guid.NewGuid():N}.json");
        File.WriteAllText(policy, """{"apisixVersion":"3.18","allowCodeExecution":false,"codeExecutionNamespaces":[],"allowedPlugins":[],"ingressClass":"apisix","controllerName":"apisix.apache.org/apisix-ingress-controller"}""");
        try
        {
            var options = Apisix.Webhook.Hosting.WebhookOptions.Parse(args.Select(a => a.StartsWith("--config=", StringComparison.Ordinal) ? $"--config={policy}" : a).ToArray(), out var error);
            Assert.Null(error);
            Assert.Equal(8443, options!.Listen.Port);
            Assert.Equal("/etc/apisix-webhook/tls/tls.crt", options.CertificateFile);
            Assert.Equal("/etc/apisix-webhook/client-ca/ca.crt", options.ClientCaFile);
            Assert.True(options.JsonLogs);
        }
        finally
        {
            File.Delete(policy);
        }

        var recommended = File.ReadAllText(Path.Combine(Root, "charts/apisix-ingress/values-recommended.yaml"));
        Assert.Matches(@"clientAuth:\s+enabled: true", recommended);

        // The young-generation size is the runtime's own variable, set from a value the runtime can read (hex).
        Assert.Contains("{name: DOTNET_GCgen0size, value: {{ $w.gcGen0Size | quote }}}", deployment, StringComparison.Ordinal);
        Assert.Contains("regexMatch \"^0x[0-9a-fA-F]+$\" (toString $w.gcGen0Size)", deployment, StringComparison.Ordinal);
        var values = File.ReadAllText(Path.Combine(Root, "charts/apisix-ingress/values.yaml"));
        var gen0 = Regex.Match(values, "gcGen0Size: \"0x(?<hex>[0-9a-fA-F]+)\"");
        Assert.True(gen0.Success, "values.yaml sets webhook.gcGen0Size as a quoted hex number");
        Assert.InRange(Convert.ToInt64(gen0.Groups["hex"].Value, 16), 16L << 20, 256L << 20);
        Assert.Contains("automountServiceAccountToken: false", deployment, StringComparison.Ordinal);
    }

    private static string Section(string text, string start, string? end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"missing {start}");
        var to = end is null ? text.Length : text.IndexOf(end, from, StringComparison.Ordinal);
        return text[from..(to < 0 ? text.Length : to)];
    }

    /// <summary>The resources of the rule for <paramref name="group"/>, which may wrap over several lines.</summary>
    private static string[] Rule(string section, string group)
    {
        var rule = Regex.Match(section, $"apiGroups: \\[\"{Regex.Escape(group)}\"\\].*?resources: \\[(?<list>[^\\]]*)\\]", RegexOptions.Singleline);
        Assert.True(rule.Success, $"no rule for {group}");
        return rule.Groups["list"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(r => r.Trim('"')).ToArray();
    }

    [GeneratedRegex(@"^\s+- (?<arg>--[a-z-]+=.+?)\s*$", RegexOptions.Multiline)]
    private static partial Regex ArgPattern();
}
