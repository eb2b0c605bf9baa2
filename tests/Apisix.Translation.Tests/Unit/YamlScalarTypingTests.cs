using Apisix.Translation.Manifests.Yaml;

namespace Apisix.Translation.Tests.Unit;

/// <summary>
/// Plain scalars get the JSON type kubectl gives them (it reads YAML with a YAML 1.1 resolver), so a file
/// checked offline means what the API server will store.
/// </summary>
public sealed class YamlScalarTypingTests
{
    [Theory]
    [InlineData("true", "true")]
    [InlineData("True", "true")]
    [InlineData("yes", "true")]
    [InlineData("YES", "true")]
    [InlineData("on", "true")]
    [InlineData("On", "true")]
    [InlineData("y", "true")]
    [InlineData("Y", "true")]
    [InlineData("no", "false")]
    [InlineData("No", "false")]
    [InlineData("off", "false")]
    [InlineData("OFF", "false")]
    [InlineData("n", "false")]
    [InlineData("N", "false")]
    [InlineData("yES", "\"yES\"")]
    [InlineData("oN", "\"oN\"")]
    [InlineData("80", "80")]
    [InlineData("+12", "12")]
    [InlineData("-7", "-7")]
    [InlineData("0", "0")]
    [InlineData("0755", "493")]
    [InlineData("0o17", "15")]
    [InlineData("0x1F", "31")]
    [InlineData("0X1f", "31")]
    [InlineData("-0x10", "-16")]
    [InlineData("0b101", "5")]
    [InlineData("1_000", "1000")]
    [InlineData("0x_ff", "255")]
    [InlineData("-9223372036854775808", "-9223372036854775808")]
    [InlineData("9223372036854775807", "9223372036854775807")]
    [InlineData("09", "9")]
    [InlineData("1_0.5", "10.5")]
    [InlineData(".5", "0.5")]
    [InlineData("1e3", "1000")]
    [InlineData("_1", "\"_1\"")]
    [InlineData("0x", "\"0x\"")]
    [InlineData("0b2", "\"0b2\"")]
    [InlineData("12abc", "\"12abc\"")]
    [InlineData("1.2.3", "\"1.2.3\"")]
    [InlineData("~", "null")]
    [InlineData("null", "null")]
    public void APlainScalar_HasTheTypeKubectlGivesIt(string plain, string json)
    {
        var scalar = new YamlScalar(1, plain, quoted: false);

        Assert.Equal(json, YamlJsonConverter.ScalarToJson(scalar)?.ToJsonString() ?? "null");
        Assert.Equal(YamlJsonConverter.ScalarToJson(scalar)?.GetValueKind() ?? System.Text.Json.JsonValueKind.Null, YamlJsonConverter.KindOf(scalar));
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("0755")]
    [InlineData("n")]
    public void AQuotedScalar_IsAString(string text) =>
        Assert.Equal($"\"{text}\"", YamlJsonConverter.ScalarToJson(new YamlScalar(1, text, quoted: true))!.ToJsonString());

    [Fact]
    public void AFieldThatMustBeAString_RefusesAPlainYes_AsTheApiServerWould()
    {
        const string yaml = """
            apiVersion: apisix.apache.org/v2
            kind: ApisixRoute
            metadata: { name: r, namespace: ns }
            spec:
              http:
                - name: a
                  match: { paths: ["/*"], exprs: [{ subject: { scope: Query, name: n }, op: Equal, value: "1" }] }
                  backends: [{ serviceName: s, servicePort: 80 }]
            """;

        var finding = Assert.Single(Manifests.ManifestReader.Read(yaml, "r.yaml").Diagnostics);

        Assert.Equal("spec.http[0].match.exprs[0].subject.name", finding.Path);
        Assert.Contains("got boolean", finding.Message, StringComparison.Ordinal);
    }

    private static string Route(string config, string name = "a") => $$"""
        apiVersion: apisix.apache.org/v2
        kind: ApisixRoute
        metadata: { name: r, namespace: ns }
        spec:
          http:
            - name: {{name}}
              match: { paths: ["/*"] }
              backends: [{ serviceName: s, servicePort: 80 }]
              plugins:
                - name: echo
                  config:
                    {{config}}
        """;

    [Theory]
    [InlineData("body: .inf", "spec.http[0].plugins[0].config.body", ".inf")]
    [InlineData("body: -.Inf", "spec.http[0].plugins[0].config.body", "-.Inf")]
    [InlineData("body: .NaN", "spec.http[0].plugins[0].config.body", ".NaN")]
    [InlineData("headers: { a: [x, +.INF] }", "spec.http[0].plugins[0].config.headers.a[1]", "+.INF")]
    public void InfinityOrNaN_InAConfig_IsRefusedAtItsField_AsKubectlRefusesIt(string config, string path, string value)
    {
        var finding = Assert.Single(Manifests.ManifestReader.Read(Route(config), "r.yaml").Diagnostics);

        Assert.Equal(path, finding.Path);
        Assert.Equal(12, finding.Location?.Line);
        Assert.StartsWith($"{value} is a float JSON cannot hold", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("body: '.inf'", "{\"body\":\".inf\"}")]
    [InlineData("body: .infinity", "{\"body\":\".infinity\"}")]
    [InlineData("body: +.nan", "{\"body\":\"+.nan\"}")]
    [InlineData("{ .inf: a, -.Inf: b, .NAN: c }", "{\".inf\":\"a\",\"-.inf\":\"b\",\".nan\":\"c\"}")]
    public void WhatIsNotAYamlInfinityOrNaN_StaysAString_AndSuchKeysAreNamedAsKubernetesNamesThem(string config, string json)
    {
        var read = Manifests.ManifestReader.Read(Route(config), "r.yaml");

        Assert.Empty(read.Diagnostics);
        var route = Assert.IsType<Crds.ApisixRoute>(Assert.Single(read.Objects));
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(json), route.Http[0].Plugins[0].Config!.CloneNode()), json);
    }

    [Fact]
    public void InfinityInATypedField_IsAWrongType_ThatSaysWhy()
    {
        var finding = Assert.Single(Manifests.ManifestReader.Read(Route("{}", name: ".inf"), "r.yaml").Diagnostics);

        Assert.Equal("spec.http[0].name", finding.Path);
        Assert.Contains("got .inf (a float JSON cannot hold; quote it for a string)", finding.Message, StringComparison.Ordinal);
    }
}
