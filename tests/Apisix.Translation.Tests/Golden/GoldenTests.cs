using Apisix.Translation.Tests.Support;

namespace Apisix.Translation.Tests.Golden;

/// <summary>
/// Every folder under <c>testdata/&lt;area&gt;/&lt;case&gt;</c> with an <c>input.yaml</c> is a case, found by
/// scanning. <c>UPDATE_GOLDEN=1</c> rewrites the outputs and deletes outputs whose input is gone; read
/// every regenerated file before committing it.
/// </summary>
public sealed class GoldenTests
{
    private static bool Updating => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var input in Directory.EnumerateFiles(TestPaths.TestData, "input.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(TestPaths.TestData, Path.GetDirectoryName(input)!));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Translation_MatchesGoldenOutput(string caseName)
    {
        var directory = Path.Combine(TestPaths.TestData, caseName);
        var actual = GoldenCase.Render(directory);
        var expectedFile = Path.Combine(directory, "output.json");
        if (Updating)
        {
            File.WriteAllText(expectedFile, actual);
            return;
        }

        Assert.True(File.Exists(expectedFile), $"{caseName}: output.json is missing; run with UPDATE_GOLDEN=1 and review it");
        Assert.Equal(File.ReadAllText(expectedFile), actual);
    }

    [Fact]
    public void Golden_HasNoStaleOutputs()
    {
        var stale = Directory.EnumerateFiles(TestPaths.TestData, "output.json", SearchOption.AllDirectories)
            .Where(output => !File.Exists(Path.Combine(Path.GetDirectoryName(output)!, "input.yaml")))
            .ToList();
        if (Updating)
        {
            stale.ForEach(File.Delete);
            return;
        }

        Assert.Empty(stale);
    }

    [Fact]
    public void Golden_HasEnoughCases() => Assert.True(Cases().Count >= 40, $"only {Cases().Count} golden cases");
}
