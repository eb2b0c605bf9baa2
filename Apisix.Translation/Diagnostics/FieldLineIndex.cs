namespace Apisix.Translation;

/// <summary>
/// Where each field of an object was read (field path to line), so that a translation finding points at
/// the offending line, not just the object. It is bookkeeping, not content: every index equals every
/// other, so two objects read from different places still compare equal.
/// </summary>
public sealed class FieldLineIndex : IEquatable<FieldLineIndex>
{
    /// <summary>Lookups answered by scanning the entries; past this many, a map is built for the rest.</summary>
    private const int ScannedLookups = 8;

    private readonly List<Entry> _entries;
    private Dictionary<string, int>? _lines;
    private int _lookups;

    internal FieldLineIndex(List<Entry> entries) => _entries = entries;

    /// <summary>The line of <paramref name="path"/>, or of its nearest recorded parent; null when unknown.</summary>
    public int? LineOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);

        // Most objects have no finding, and most of the rest a few: those are answered by scanning the
        // recorded entries, which joins no paths. An object with many findings gets a map. Two threads
        // may both build it; either copy is right.
        var lines = Volatile.Read(ref _lines);
        if (lines is null && Interlocked.Increment(ref _lookups) > ScannedLookups)
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
            if (lines is null ? TryScan(current, out var line) : lines.TryGetValue(current, out line))
            {
                return line;
            }

            var cut = Math.Max(current.LastIndexOf('.'), current.LastIndexOf('['));
            current = cut > 0 ? current[..cut] : string.Empty;
        }

        return null;
    }

    /// <summary>The first entry whose path is <paramref name="path"/>, compared without joining it.</summary>
    private bool TryScan(string path, out int line)
    {
        foreach (var entry in _entries)
        {
            if (entry.Key is null ? entry.Parent == path : Is(path, entry.Parent, entry.Key))
            {
                line = entry.Line;
                return true;
            }
        }

        line = 0;
        return false;
    }

    /// <summary>True when <paramref name="path"/> is <c>parent.key</c> (or <c>key</c> under the root).</summary>
    private static bool Is(string path, string parent, string key)
    {
        if (parent.Length == 0)
        {
            return path == key;
        }

        return path.Length == parent.Length + 1 + key.Length
            && path[parent.Length] == '.'
            && path.AsSpan(0, parent.Length).SequenceEqual(parent)
            && path.AsSpan(parent.Length + 1).SequenceEqual(key);
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
