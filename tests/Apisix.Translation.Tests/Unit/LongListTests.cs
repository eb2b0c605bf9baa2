using Apisix.Translation.Manifests;

namespace Apisix.Translation.Tests.Unit;

/// <summary>
/// Repeats in lists a user controls (rule names, subset names, port-level settings) are found in one pass over
/// long lists too, at the repeated item: a review of 3 MiB can hold a hundred thousand entries.
/// </summary>
public sealed class LongListTests
{
    [Fact]
    public void ARepeatedRuleName_AmongTwentyThousandRules_IsFoundAtItsIndex()
    {
        var rules = string.Join("\n", Enumerable.Range(0, 20_000).Append(7).Select(i => $"  - {{name: r{i}, match: {{paths: [/p{i}]}}, backends: [{{serviceName: s, servicePort: 80}}]}}"));
        var yaml = $"apiVersion: apisix.apache.org/v2\nkind: ApisixRoute\nmetadata: {{name: big, namespace: ns}}\nspec:\n  http:\n{rules}\n";

        var duplicates = Translator.Translate(TranslationInput.From(ManifestReader.Read(yaml, "big.yaml").Objects)).Diagnostics.Where(d => d.Code == DiagnosticCodes.Duplicate).ToList();

        Assert.Equal("spec.http[20000].name", Assert.Single(duplicates).Path);
    }

    [Fact]
    public void RepeatedSubsetNamesAndPorts_AmongThousands_AreFoundAtTheirIndexes()
    {
        var subsets = string.Join("\n", Enumerable.Range(0, 5_000).Append(3).Select(i => $"  - {{name: s{i}, labels: {{v: '{i}'}}}}"));
        var ports = string.Join("\n", Enumerable.Range(1, 5_000).Append(9).Select(p => $"  - {{port: {p}, scheme: http}}"));
        var yaml = $"apiVersion: apisix.apache.org/v2\nkind: ApisixUpstream\nmetadata: {{name: web, namespace: ns}}\nspec:\n  subsets:\n{subsets}\n  portLevelSettings:\n{ports}\n";

        var duplicates = Translator.Translate(TranslationInput.From(ManifestReader.Read(yaml, "up.yaml").Objects)).Diagnostics
            .Where(d => d.Code == DiagnosticCodes.Duplicate).Select(d => d.Path).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["spec.portLevelSettings[5000].port", "spec.subsets[5000].name"], duplicates);
    }

    [Fact]
    public void ARouteIdProducedTwice_AmongThousandsOfIngressPaths_IsFoundOnce()
    {
        // The same host and path twice (once Exact, once Prefix) make one route id twice, as in the golden case
        // duplicate-host-path-error, here at the end of 3,000 paths.
        var paths = string.Join("\n", Enumerable.Range(0, 3_000).Select(i => $"        - {{path: /p{i}, pathType: Exact, backend: {{service: {{name: web, port: {{number: 80}}}}}}}}")
            .Append("        - {path: /p7, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}"));
        var yaml = $$"""
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec: {clusterIP: 10.96.0.1, ports: [{name: http, port: 80}]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: shop, namespace: shop}
            spec:
              ingressClassName: apisix
              rules:
              - host: shop.example.com
                http:
                  paths:
            {{paths}}
            """;

        var twice = Translator.Translate(TranslationInput.From(ManifestReader.Read(yaml, "ing.yaml").Objects)).Diagnostics
            .Where(d => d.Message.EndsWith("is produced twice by this object", StringComparison.Ordinal)).ToList();

        Assert.Single(twice);
    }
}
