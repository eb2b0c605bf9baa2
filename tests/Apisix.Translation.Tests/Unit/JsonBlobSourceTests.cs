using System.Text.Json;
using System.Text.Json.Nodes;
using Apisix.Translation.Crds;
using Apisix.Translation.Manifests;

namespace Apisix.Translation.Tests.Unit;

/// <summary>
/// A plugin config read from a manifest stays the manifest's node until something reads it as JSON. Every
/// way of reading it must give what a blob of the converted JSON gives.
/// </summary>
public sealed class JsonBlobSourceTests
{
    /// <summary>An ApisixRoute whose one plugin has <paramref name="config"/> (YAML), read.</summary>
    private static ManifestReadResult RouteWithConfig(string config) => ManifestReader.Read($$"""
        apiVersion: apisix.apache.org/v2
        kind: ApisixRoute
        metadata: { name: r, namespace: ns }
        spec:
          http:
            - name: a
              match: { paths: ["/*"] }
              backends: [{ serviceName: s, servicePort: 80 }]
              plugins:
                - name: p
                  enable: true
                  config: {{config}}
        """, "r.yaml");

    private static JsonBlob? ConfigOf(string config) =>
        Assert.IsType<ApisixRoute>(Assert.Single(RouteWithConfig(config).Objects)).Http[0].Plugins[0].Config;

    [Theory]
    [InlineData("{ count: 10, policy: local, on: yes, list: [1, '2', null, 1.5, 0x1F, 0755, 1_000], nested: { x: { y: true } } }", """{"count":10,"policy":"local","true":true,"list":[1,"2",null,1.5,31,493,1000],"nested":{"x":{"true":true}}}""", JsonValueKind.Object)]
    [InlineData("{ on: 1, N: 2, 0x10: a, 'yes': b, 1.5: c, 007: d }", """{"true":1,"false":2,"16":"a","yes":"b","1.5":"c","7":"d"}""", JsonValueKind.Object)]
    [InlineData("[a, 2]", """["a",2]""", JsonValueKind.Array)]
    [InlineData("'quoted'", "\"quoted\"", JsonValueKind.String)]
    [InlineData("plain", "\"plain\"", JsonValueKind.String)]
    [InlineData("12", "12", JsonValueKind.Number)]
    [InlineData("1e400", "\"1e400\"", JsonValueKind.String)]
    [InlineData("false", "false", JsonValueKind.False)]
    public void EveryReadingGivesTheConvertedJson(string config, string json, JsonValueKind kind)
    {
        var expected = new JsonBlob(JsonNode.Parse(json));

        // The kind is known before anything is made, and a copy is made straight from the node.
        Assert.Equal(kind, ConfigOf(config)!.ValueKind);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), ConfigOf(config)!.CloneNode()));

        // Text, equality both ways, and what a writer gets.
        Assert.Equal(json, ConfigOf(config)!.ToString());
        Assert.Equal(expected, ConfigOf(config));
        Assert.Equal(ConfigOf(config), expected);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            ConfigOf(config)!.WriteTo(writer);
        }

        Assert.Equal(json, System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    [Fact]
    public void ANullKey_IsAnError_NamingTheField()
    {
        var finding = Assert.Single(RouteWithConfig("{ ~: 1 }").Diagnostics);

        Assert.Equal("spec.http[0].plugins[0].config", finding.Path);
        Assert.Contains("may not be null", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANullConfig_IsJsonNull()
    {
        var blob = ConfigOf("null");

        Assert.Equal(JsonValueKind.Null, blob?.ValueKind ?? JsonValueKind.Null);
        Assert.Equal("null", blob?.ToString() ?? "null");
    }

    [Fact]
    public void ACopy_IsTheCallersToChange_BeforeAndAfterTheBlobMadeItsNodes()
    {
        var blob = ConfigOf("{ headers: { set: { X-A: b } } }")!;

        var before = blob.CloneNode()!.AsObject();
        before["headers"]!["set"]!["X-A"] = "changed";
        before["added"] = 1;
        Assert.Equal("""{"headers":{"set":{"X-A":"b"}}}""", blob.ToString());

        var after = blob.CloneNode()!.AsObject();
        after.Remove("headers");
        Assert.Equal("""{"headers":{"set":{"X-A":"b"}}}""", blob.ToString());
        Assert.NotSame(blob.CloneNode(), blob.CloneNode());
    }

    [Fact]
    public void ThreadsReadingAtOnce_AllSeeTheSameValue()
    {
        for (var round = 0; round < 50; round++)
        {
            var blob = ConfigOf("{ a: [1, 2, 3], b: { c: d } }")!;
            var texts = new string[8];
            Parallel.For(0, texts.Length, i => texts[i] = i % 2 == 0 ? blob.ToString() : blob.CloneNode()!.ToJsonString());
            Assert.All(texts, text => Assert.Equal("""{"a":[1,2,3],"b":{"c":"d"}}""", text));
        }
    }
}
