using Apisix.Translation.Manifests;
using Apisix.Translation.Validation;

namespace Apisix.Translation.Tests.Validation;

/// <summary>
/// limit-count configs that name the same <c>group</c> share one counter, and APISIX refuses a config of the
/// group that differs from the first ("group conf mismatched"): within one object and across objects, with
/// APISIX's defaults counted (a field left out equals its default written out).
/// </summary>
public sealed class LimitCountGroupTests
{
    private static string Route(string name, params string[] configs) => $$"""
        apiVersion: apisix.apache.org/v2
        kind: ApisixRoute
        metadata: {name: {{name}}, namespace: default}
        spec:
          http:
        {{string.Join("\n", configs.Select((config, i) => $"  - {{name: rule{i}, match: {{paths: [/r{i}]}}, backends: [{{serviceName: s, servicePort: 80}}], plugins: [{{name: limit-count, enable: true, config: {config}}}]}}"))}}
        """;

    private static List<Diagnostic> Groups(string yaml) =>
        Validator.Validate(TranslationInput.From(ManifestReader.Read(yaml, "test.yaml").Objects))
            .Where(d => d.IsError && d.Message.Contains("group conf mismatched", StringComparison.Ordinal))
            .ToList();

    [Fact]
    public void DifferentCounts_InOneGroup_AreRefused_AtTheSecond()
    {
        var found = Assert.Single(Groups(Route("r", "{count: 10, time_window: 60, group: g}", "{count: 20, time_window: 60, group: g}")));
        Assert.Equal("spec.http[1].plugins[0].config.group", found.Path);
        Assert.Contains("spec.http[0].plugins[0].config", found.Message, StringComparison.Ordinal);
        Assert.Contains("\"g\"", found.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IdenticalConfigs_ShareAGroup() =>
        Assert.Empty(Groups(Route("r", "{count: 10, time_window: 60, group: g}", "{count: 10, time_window: 60, group: g}")));

    [Fact]
    public void ADefaultWrittenOut_EqualsTheDefaultLeftOut() =>
        Assert.Empty(Groups(Route("r", "{count: 10, time_window: 60, group: g}", "{count: 10, time_window: 60, group: g, rejected_code: 503, key: remote_addr}")));

    [Fact]
    public void ANonDefaultValue_DiffersFromTheDefault() =>
        Assert.Single(Groups(Route("r", "{count: 10, time_window: 60, group: g}", "{count: 10, time_window: 60, group: g, rejected_code: 429}")));

    [Fact]
    public void MetaIsNotCompared_AsApisixComparesOnlyTheSchemasOwnFields() =>
        Assert.Empty(Groups(Route("r", "{count: 10, time_window: 60, group: g}", "{count: 10, time_window: 60, group: g, _meta: {priority: 5}}")));

    [Fact]
    public void DifferentGroups_AndNoGroup_AreIndependent() =>
        Assert.Empty(Groups(Route("r", "{count: 10, time_window: 60, group: a}", "{count: 20, time_window: 60, group: b}", "{count: 30, time_window: 60}", "{count: 40, time_window: 60}")));

    [Fact]
    public void Groups_SpanObjects()
    {
        var found = Assert.Single(Groups(Route("first", "{count: 10, time_window: 60, group: shared}") + "\n---\n" + Route("second", "{count: 10, time_window: 30, group: shared}")));
        Assert.Equal(new ObjectRef("ApisixRoute", "default", "second"), found.Object);
        Assert.Contains("default/first", found.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnInvalidConfig_GetsItsOwnFindings_NotAGroupOne()
    {
        // The second config fails its schema (count must be positive): that is what is reported.
        var yaml = Route("r", "{count: 10, time_window: 60, group: g}", "{count: -1, time_window: 60, group: g}");
        Assert.Empty(Groups(yaml));
        Assert.Contains(Validator.Validate(TranslationInput.From(ManifestReader.Read(yaml, "test.yaml").Objects)), d => d.IsError && d.Path.StartsWith("spec.http[1].plugins[0].config", StringComparison.Ordinal));
    }
}
