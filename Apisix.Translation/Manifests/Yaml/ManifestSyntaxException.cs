namespace Apisix.Translation.Manifests.Yaml;

/// <summary>Raised inside the parser only, and always turned into a diagnostic before it leaves it.</summary>
internal sealed class ManifestSyntaxException(int line, string message, string path = "", bool wholeValue = false) : Exception(message)
{
    /// <summary>The problem is the value as a whole (too large, too deep), not one place in it: it gets no path.</summary>
    public bool WholeValue { get; } = wholeValue;

    /// <summary>The 1-based line of the problem.</summary>
    public int Line { get; } = line;

    /// <summary>Where in the value being converted, relative to it (<c>headers.set</c>, <c>[2].name</c>); empty for the value itself.</summary>
    public string FieldPath { get; } = path;

    /// <summary>The same problem seen from one level up: under the key <paramref name="key"/> or at index <paramref name="index"/>.</summary>
    public ManifestSyntaxException Under(string? key, int index = -1)
    {
        if (WholeValue)
        {
            return this;
        }

        var step = key ?? $"[{index}]";
        var path = FieldPath.Length == 0 ? step : FieldPath[0] == '[' ? step + FieldPath : $"{step}.{FieldPath}";
        return new ManifestSyntaxException(Line, Message, path);
    }
}
