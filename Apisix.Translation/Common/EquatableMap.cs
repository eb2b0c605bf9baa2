using System.Collections;
using System.Collections.Immutable;

namespace Apisix.Translation;

/// <summary>
/// An immutable string-keyed map with value equality whose keys enumerate in ordinal order, so that
/// serialized output is deterministic. Stored as a sorted array: the maps here (labels, plugins) are
/// small, and an array is far cheaper to build and compare than a tree. <c>default</c> is an empty map.
/// </summary>
/// <typeparam name="TValue">The value type.</typeparam>
public readonly struct EquatableMap<TValue> : IEquatable<EquatableMap<TValue>>, IReadOnlyDictionary<string, TValue>
{
    private readonly ImmutableArray<KeyValuePair<string, TValue>> _sorted;

    private EquatableMap(ImmutableArray<KeyValuePair<string, TValue>> sorted) => _sorted = sorted;

    /// <summary>An empty map.</summary>
    public static EquatableMap<TValue> Empty => default;

    private ImmutableArray<KeyValuePair<string, TValue>> Sorted => _sorted.IsDefault ? [] : _sorted;

    /// <summary>The entries in key order, for a <c>foreach</c> that allocates no enumerator.</summary>
    internal ImmutableArray<KeyValuePair<string, TValue>> Pairs => Sorted;

    /// <summary>A map of one entry.</summary>
    internal static EquatableMap<TValue> Single(string key, TValue value) =>
        new(ImmutableArray.Create(new KeyValuePair<string, TValue>(key, value)));

    /// <summary>Makes a map from pairs; a later duplicate key wins.</summary>
    public static EquatableMap<TValue> From(IEnumerable<KeyValuePair<string, TValue>> pairs)
    {
        // Most maps here (plugins, labels) have one or two entries: skip the dictionary for those.
        if (pairs is IReadOnlyList<KeyValuePair<string, TValue>> { Count: <= 1 } small)
        {
            return small.Count == 0 ? default : new([small[0]]);
        }

        var unique = new Dictionary<string, TValue>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            unique[key] = value;
        }

        if (unique.Count == 0)
        {
            return default;
        }

        var sorted = unique.ToArray();
        Array.Sort(sorted, static (left, right) => string.CompareOrdinal(left.Key, right.Key));
        return new(ImmutableArray.Create(sorted));
    }

    /// <inheritdoc />
    public int Count => _sorted.IsDefault ? 0 : _sorted.Length;

    /// <summary>True when the map has no entries.</summary>
    public bool IsEmpty => _sorted.IsDefault || _sorted.IsEmpty;

    /// <inheritdoc />
    public TValue this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    /// <inheritdoc />
    public IEnumerable<string> Keys => Sorted.Select(pair => pair.Key);

    /// <inheritdoc />
    public IEnumerable<TValue> Values => Sorted.Select(pair => pair.Value);

    /// <inheritdoc />
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <inheritdoc />
    public bool TryGetValue(string key, out TValue value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? Sorted[index].Value : default!;
        return index >= 0;
    }

    /// <summary>Returns a copy with <paramref name="key"/> set to <paramref name="value"/>.</summary>
    public EquatableMap<TValue> SetItem(string key, TValue value)
    {
        var index = IndexOf(key);
        var pair = new KeyValuePair<string, TValue>(key, value);
        return new(index >= 0 ? Sorted.SetItem(index, pair) : Sorted.Insert(~index, pair));
    }

    /// <inheritdoc />
    public bool Equals(EquatableMap<TValue> other)
    {
        var mine = Sorted;
        var theirs = other.Sorted;
        if (mine.Length != theirs.Length)
        {
            return false;
        }

        var comparer = EqualityComparer<TValue>.Default;
        for (var i = 0; i < mine.Length; i++)
        {
            if (mine[i].Key != theirs[i].Key || !comparer.Equals(mine[i].Value, theirs[i].Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EquatableMap<TValue> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (key, value) in Sorted)
        {
            hash.Add(key, StringComparer.Ordinal);
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    /// <summary>Value equality.</summary>
    public static bool operator ==(EquatableMap<TValue> left, EquatableMap<TValue> right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(EquatableMap<TValue> left, EquatableMap<TValue> right) => !left.Equals(right);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, TValue>>)Sorted).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The index of <paramref name="key"/>, or the complement of where it would go.</summary>
    private int IndexOf(string key)
    {
        var sorted = Sorted;
        int low = 0, high = sorted.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var comparison = string.CompareOrdinal(sorted[middle].Key, key);
            if (comparison == 0)
            {
                return middle;
            }

            if (comparison < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return ~low;
    }
}
