using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Apisix.Translation.Manifests;
using Apisix.Translation.Serialization;
using Apisix.Translation.Tests.Support;
using Apisix.Translation.Validation;

namespace Apisix.Translation.Tests.Golden;

/// <summary>
/// Golden cases for <see cref="Validator"/>: <c>testdata-validation/&lt;case&gt;/input.yaml</c> (and an optional
/// <c>version.txt</c> with the APISIX version) to <c>diagnostics.json</c>, every finding with its field path.
/// <c>UPDATE_GOLDEN=1</c> rewrites them; read every regenerated file before committing it.
/// </summary>
public sealed class ValidationGoldenTests
{
    private static string Root => Path.Combine(TestPaths.ProjectDirectory, "testdata-validation");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var input in Directory.EnumerateFiles(Root, "input.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Root, Path.GetDirectoryName(input)!));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validation_MatchesGoldenDiagnostics(string caseName)
    {
        var directory = Path.Combine(Root, caseName);
        var versionFile = Path.Combine(directory, "version.txt");
        var options = ValidationOptions.Default;
        if (File.Exists(versionFile))
        {
            Assert.True(ApisixVersion.TryParse(File.ReadAllText(versionFile).Trim(), out var version));
            options = options with { Version = version };
        }

        var read = ManifestReader.Read(File.ReadAllText(Path.Combine(directory, "input.yaml")), "input.yaml");
        var diagnostics = read.Diagnostics.Concat(Validator.Validate(TranslationInput.From(read.Objects), options));
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            DiagnosticJson.Write(writer, diagnostics);
        }

        var actual = Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        var expectedFile = Path.Combine(directory, "diagnostics.json");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(expectedFile, actual);
            return;
        }

        Assert.True(File.Exists(expectedFile), $"{caseName}: diagnostics.json is missing; run with UPDATE_GOLDEN=1 and review it");
        Assert.Equal(File.ReadAllText(expectedFile), actual);
        _ = JsonNode.Parse(actual);
    }
}
