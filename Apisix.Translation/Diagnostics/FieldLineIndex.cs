namespace Apisix.Translation;

/// <summary>
/// Where each field of an object was read (field path to line), so that a translation finding points at
/// the offending line, not just the object. It is bookkeeping, not content: every index equals every
/// other, so two objects read from different places still compare equal.
/// </summary>
public sealed class FieldLineIndex : IEquatable<FieldLineIndex>
{
    private readonly List<Entry> _entries;
    private Dictionary<string, int>? _lines;

    internal FieldLineIndex(List<Entry> entries) => _entries = entries;

    /// <summary>The line of <paramref name="path"/>, or of its nearest recorded parent; null when unknown.</summary>
    public int? LineOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);

        // Most objects never have a finding, so the paths are joined on the first question only. Two threads
        // asking at once may both build the map; either copy is right.
        var lines = Volatile.Read(ref _lines);
        if (lines is null)
        {
            lines = new Dictionary<string, int>(_entries.Count, StringComparer.Ordinal);
            foreach (var entry in _entries)
            {
                lines.TryAdd(entry.Key is null ? entry.Parent : Manifests.FieldReader.Join(entry.Parent, entry.Key), entry.Line);
            }

            Interlocked.CompareExchange(ref _lines, lines, null);
        }

        var current = path;
        while (current.Length > 0)
        {
            if (lines.TryGetValue(current, out var line))
            {
                return line;
            }

            var cut = Math.Max(current.LastIndexOf('.'), current.LastIndexOf('['));
            current = cut > 0 ? current[..cut] : string.Empty;
        }

        return null;
    }

    /// <summary>A field read at a line: <see cref="Key"/> under <see cref="Parent"/>, or the path <see cref="Parent"/> itself.</summary>
    internal readonly record struct Entry(string Parent, string? Key, int Line);

    /// <inheritdoc />
    public bool Equals(FieldLineIndex? other) => other is not null;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FieldLineIndex;

    /// <inheritdoc />
    public override int GetHashCode() => 0;
}
