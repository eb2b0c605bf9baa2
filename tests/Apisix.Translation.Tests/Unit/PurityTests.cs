namespace Apisix.Translation.Tests.Unit;

/// <summary>
/// The library must stay pure. BannedSymbols.txt stops the obvious APIs at build time; this test also
/// checks that it references no assembly that does I/O, hosting or logging.
/// </summary>
public sealed class PurityTests
{
    private static readonly string[] AllowedReferences =
    [
        "System.Runtime", "System.Collections", "System.Collections.Immutable", "System.Linq", "System.Memory",
        "System.Text.Json", "System.Text.Encodings.Web", "System.Text.Encoding.Extensions", "System.Threading", "System.Text.RegularExpressions", "System.Net.Primitives",
        "System.Runtime.InteropServices", "System.Runtime.Intrinsics", "YamlDotNet", "System.ObjectModel", "System.Collections.Concurrent",
        "System.Security.Cryptography",
    ];

    [Fact]
    public void Library_ReferencesOnlyPureAssemblies()
    {
        var references = typeof(Translator).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        var unexpected = references.Where(name => !AllowedReferences.Contains(name)).ToList();
        Assert.True(unexpected.Count == 0, $"unexpected references: {string.Join(", ", unexpected)}");
    }

    [Fact]
    public void Library_BansImpureApis_InBannedSymbols()
    {
        var banned = File.ReadAllText(Path.Combine(Support.TestPaths.RepositoryRoot, "Apisix.Translation", "BannedSymbols.txt"));
        foreach (var symbol in new[] { "T:System.DateTime", "T:System.IO.File", "T:System.Net.Http.HttpClient", "T:System.Random", "M:System.Guid.NewGuid", "T:System.Console", "T:System.Environment" })
        {
            Assert.Contains(symbol, banned, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Translate_IsDeterministic_WhateverTheInputOrder()
    {
        var text = File.ReadAllText(Path.Combine(Support.TestPaths.RepositoryRoot, "examples", "httpbin.yaml"));
        var objects = Manifests.ManifestReader.Read(text, "x.yaml").Objects;
        var forward = Translator.Translate(TranslationInput.From(objects));
        var backward = Translator.Translate(TranslationInput.From(objects.Reverse()));
        Assert.Equal(forward.Configuration, backward.Configuration);
        Assert.Equal(
            Serialization.ApisixJson.Serialize(forward.Configuration),
            Serialization.ApisixJson.Serialize(backward.Configuration));
    }
}
