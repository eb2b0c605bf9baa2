using System.Text.Json.Nodes;
using Apisix.Translation.Tests.Support;
using Apisix.Translation.Validation;

namespace Apisix.Translation.Tests.Validation;

/// <summary>
/// Plugin configs with the verdict APISIX gives them (<c>plugin-cases.json</c>): valid ones pass, invalid
/// ones fail at the named field, with the expected words in the message.
/// </summary>
public sealed class PluginCaseTests
{
    private static readonly string CasesFile = Path.Combine(TestPaths.ProjectDirectory, "Validation", "plugin-cases.json");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var item in JsonNode.Parse(File.ReadAllText(CasesFile))!.AsArray())
        {
            data.Add(item!["name"]!.GetValue<string>());
        }

        return data;
    }

    [Fact]
    public void Cases_AreMany() => Assert.True(Cases().Count >= 150, $"only {Cases().Count} plugin cases");

    [Theory]
    [MemberData(nameof(Cases))]
    public void PluginConfig_GetsApisixVerdict(string name)
    {
        var item = JsonNode.Parse(File.ReadAllText(CasesFile))!.AsArray().First(c => c!["name"]!.GetValue<string>() == name)!.AsObject();
        Assert.True(ApisixVersion.TryParse(item["version"]?.GetValue<string>() ?? "3.18", out var version));
        var options = ValidationOptions.Default with { Version = version, AllowCodeExecution = true };
        // Warnings (a disabled plugin that fails its checks, which 3.18 accepts) are not a refusal.
        var problems = PluginValidator.Validate(item["plugin"]!.GetValue<string>(), item["config"], "config", null, options, consumer: item["consumer"]?.GetValue<bool>() == true)
            .Where(p => p.Severity == DiagnosticSeverity.Error)
            .ToList();
        var describe = string.Join("; ", problems.Select(p => $"{p.Path}: {p.Message}"));
        if (item["valid"]!.GetValue<bool>())
        {
            Assert.True(problems.Count == 0, $"{name}: expected valid, got {describe}");
            return;
        }

        Assert.True(problems.Count > 0, $"{name}: expected invalid, but it passed");
        if (item["path"]?.GetValue<string>() is { Length: > 0 } path)
        {
            Assert.True(problems.Any(p => p.Path == $"config.{path}" || p.Path.StartsWith($"config.{path}.", StringComparison.Ordinal) || p.Path.StartsWith($"config.{path}[", StringComparison.Ordinal)), $"{name}: expected a problem at {path}, got {describe}");
        }

        if (item["message"]?.GetValue<string>() is { Length: > 0 } words)
        {
            Assert.True(problems.Any(p => p.Message.Contains(words, StringComparison.OrdinalIgnoreCase)), $"{name}: expected '{words}' in {describe}");
        }
    }
}
