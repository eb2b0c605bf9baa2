namespace Apisix.Translation.Manifests.Yaml;

/// <summary>Raised inside the parser only, and always turned into a diagnostic before it leaves it.</summary>
internal sealed class ManifestSyntaxException(int line, string message) : Exception(message)
{
    /// <summary>The 1-based line of the problem.</summary>
    public int Line { get; } = line;
}
