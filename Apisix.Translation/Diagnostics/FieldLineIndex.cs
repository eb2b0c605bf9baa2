namespace Apisix.Translation;

/// <summary>
/// Where each field of an object was read (field path to line), so that a translation finding points at
/// the offending line, not just the object. It is bookkeeping, not content: every index equals every
/// other, so two objects read from different places still compare equal.
/// </summary>
public sealed class FieldLineIndex : IEquatable<FieldLineIndex>
{
    private readonly Dictionary<string, int> _lines;

    internal FieldLineIndex(Dictionary<string, int> lines) => _lines = lines;

    /// <summary>The line of <paramref name="path"/>, or of its nearest recorded parent; null when unknown.</summary>
    public int? LineOf(string path)
    {
        var current = path;
        while (current.Length > 0)
        {
            if (_lines.TryGetValue(current, out var line))
            {
                return line;
            }

            var cut = Math.Max(current.LastIndexOf('.'), current.LastIndexOf('['));
            current = cut > 0 ? current[..cut] : string.Empty;
        }

        return null;
    }

    /// <inheritdoc />
    public bool Equals(FieldLineIndex? other) => other is not null;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FieldLineIndex;

    /// <inheritdoc />
    public override int GetHashCode() => 0;
}
