using Apisix.Translation.Manifests;
using Apisix.Translation.Tests.Support;

namespace Apisix.Translation.Tests.Unit;

/// <summary>The reader must never throw on user input: random bytes, truncations and mutations of real manifests.</summary>
public sealed class ManifestReaderFuzzTests
{
    private static readonly string[] Seeds = LoadSeeds();

    [Fact]
    public void Read_NeverThrows_OnTruncatedManifests()
    {
        foreach (var seed in Seeds)
        {
            for (var length = 0; length < seed.Length; length += Math.Max(1, seed.Length / 300))
            {
                AssertReads(seed[..length]);
            }
        }
    }

    [Fact]
    public void Read_NeverThrows_OnMutatedManifests()
    {
        var random = new Random(20261125);
        const string alphabet = "{}[]:,-|>&*!%@`'\"#\n\t ?~0123456789abcxyz.\\\u0000\u00e9";
        for (var i = 0; i < 5000; i++)
        {
            var seed = Seeds[random.Next(Seeds.Length)].ToCharArray();
            var mutations = random.Next(1, 8);
            for (var m = 0; m < mutations; m++)
            {
                seed[random.Next(seed.Length)] = alphabet[random.Next(alphabet.Length)];
            }

            var read = AssertReads(new string(seed));
            var result = Translator.Translate(TranslationInput.From(read.Objects));
            Assert.NotNull(result.Configuration);
        }
    }

    [Fact]
    public void Read_NeverThrows_OnRandomText()
    {
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var chars = new char[random.Next(0, 400)];
            for (var c = 0; c < chars.Length; c++)
            {
                chars[c] = (char)random.Next(1, 0x7F);
            }

            AssertReads(new string(chars));
        }
    }

    [Fact]
    public void Read_RefusesDeepNesting_WithADiagnostic()
    {
        var deep = new string('[', 100_000) + new string(']', 100_000);
        var read = AssertReads(deep);
        Assert.Contains(read.Diagnostics, d => d.Code == DiagnosticCodes.MalformedManifest && d.Message.Contains("nesting", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_RefusesAliasBombs_InPluginConfig()
    {
        var lines = new List<string> { "apiVersion: apisix.apache.org/v2", "kind: ApisixRoute", "metadata: {name: bomb}", "spec:", "  http:", "  - name: r", "    match: {paths: [/]}", "    backends: [{serviceName: s, servicePort: 80}]", "    plugins:", "    - name: p", "      enable: true", "      config:", "        a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 12; i++)
        {
            lines.Add($"        a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]");
        }

        var read = AssertReads(string.Join('\n', lines));
        Assert.Contains(read.Diagnostics, d => d.IsError && d.Path == "spec.http[0].plugins[0].config");
        Assert.Empty(read.Objects);
    }

    private static ManifestReadResult AssertReads(string text)
    {
        var exception = Record.Exception(() => ManifestReader.Read(text, "fuzz.yaml"));
        Assert.Null(exception);
        return ManifestReader.Read(text, "fuzz.yaml");
    }

    private static string[] LoadSeeds() =>
        Directory.EnumerateFiles(TestPaths.TestData, "input.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Take(30)
            .Select(File.ReadAllText)
            .Append(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "examples", "httpbin.yaml")))
            .ToArray();
}
