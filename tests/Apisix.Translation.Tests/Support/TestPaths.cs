using System.Runtime.CompilerServices;

namespace Apisix.Translation.Tests.Support;

/// <summary>Where the test sources live, so golden files are read from (and written to) the source tree.</summary>
internal static class TestPaths
{
    public static string ProjectDirectory { get; } = Path.GetDirectoryName(ThisFile())!.Replace("/Support", string.Empty, StringComparison.Ordinal);

    public static string TestData => Path.Combine(ProjectDirectory, "testdata");

    public static string RepositoryRoot => Path.GetFullPath(Path.Combine(ProjectDirectory, "..", ".."));

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
