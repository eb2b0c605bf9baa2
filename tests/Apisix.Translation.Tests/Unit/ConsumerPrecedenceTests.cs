using Apisix.Translation.Manifests;

namespace Apisix.Translation.Tests.Unit;

/// <summary>
/// A consumer gets one auth method; with several set, the 1.x precedence decides (reference §2.11):
/// keyAuth, basicAuth, jwtAuth, wolfRBAC, hmacAuth, ldapAuth. Each pair of neighbours is checked both
/// ways round in the manifest, so neither the order of the list nor the order of the keys can decide.
/// </summary>
public sealed class ConsumerPrecedenceTests
{
    private static readonly Dictionary<string, (string Value, string Plugin)> Methods = new()
    {
        ["keyAuth"] = ("{key: k}", "key-auth"),
        ["basicAuth"] = ("{username: u, password: p}", "basic-auth"),
        ["jwtAuth"] = ("{key: k, secret: s}", "jwt-auth"),
        ["wolfRBAC"] = ("{appid: a}", "wolf-rbac"),
        ["hmacAuth"] = ("{access_key: a, secret_key: s}", "hmac-auth"),
        ["ldapAuth"] = ("{user_dn: u}", "ldap-auth"),
    };

    [Theory]
    [InlineData("keyAuth", "basicAuth")]
    [InlineData("basicAuth", "jwtAuth")]
    [InlineData("jwtAuth", "wolfRBAC")]
    [InlineData("wolfRBAC", "hmacAuth")]
    [InlineData("hmacAuth", "ldapAuth")]
    public void TheEarlierMethodWins_WhateverTheOrderOfTheKeys(string winner, string loser)
    {
        Assert.Equal([Methods[winner].Plugin], PluginsOf(winner, loser));
        Assert.Equal([Methods[winner].Plugin], PluginsOf(loser, winner));
    }

    private static IEnumerable<string> PluginsOf(string first, string second)
    {
        var yaml = $"""
            apiVersion: apisix.apache.org/v2
            kind: ApisixConsumer
            metadata: {"{"}name: c, namespace: auth{"}"}
            spec:
              authParameter:
                {first}: {"{"}value: {Methods[first].Value}{"}"}
                {second}: {"{"}value: {Methods[second].Value}{"}"}
            """;
        var result = Translator.Translate(TranslationInput.From(ManifestReader.Read(yaml, "consumer.yaml").Objects));
        Assert.False(result.HasErrors, string.Join("; ", result.Diagnostics.Select(d => d.Message)));
        return Assert.Single(result.Configuration.Consumers).Plugins!.Value.Select(p => p.Key);
    }
}
