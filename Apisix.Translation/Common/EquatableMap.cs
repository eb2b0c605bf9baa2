using System.Collections;
using System.Collections.Immutable;

namespace Apisix.Translation;

/// <summary>
/// An immutable string-keyed map with value equality whose keys enumerate in ordinal order, so that
/// serialized output is deterministic. <c>default</c> behaves as an empty map.
/// </summary>
/// <typeparam name="TValue">The value type.</typeparam>
public readonly struct EquatableMap<TValue> : IEquatable<EquatableMap<TValue>>, IReadOnlyDictionary<string, TValue>
{
    private readonly ImmutableSortedDictionary<string, TValue>? _items;

    /// <summary>Wraps <paramref name="items"/>.</summary>
    public EquatableMap(ImmutableSortedDictionary<string, TValue> items) => _items = items;

    /// <summary>An empty map.</summary>
    public static EquatableMap<TValue> Empty => new(ImmutableSortedDictionary.Create<string, TValue>(StringComparer.Ordinal));

    /// <summary>The underlying items.</summary>
    public ImmutableSortedDictionary<string, TValue> Items => _items ?? ImmutableSortedDictionary.Create<string, TValue>(StringComparer.Ordinal);

    /// <summary>Makes a map from pairs; a later duplicate key wins.</summary>
    public static EquatableMap<TValue> From(IEnumerable<KeyValuePair<string, TValue>> pairs)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, TValue>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            builder[pair.Key] = pair.Value;
        }

        return new(builder.ToImmutable());
    }

    /// <inheritdoc />
    public int Count => Items.Count;

    /// <summary>True when the map has no entries.</summary>
    public bool IsEmpty => Items.IsEmpty;

    /// <inheritdoc />
    public TValue this[string key] => Items[key];

    /// <inheritdoc />
    public IEnumerable<string> Keys => Items.Keys;

    /// <inheritdoc />
    public IEnumerable<TValue> Values => Items.Values;

    /// <inheritdoc />
    public bool ContainsKey(string key) => Items.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, out TValue value) => Items.TryGetValue(key, out value!);

    /// <summary>Returns a copy with <paramref name="key"/> set to <paramref name="value"/>.</summary>
    public EquatableMap<TValue> SetItem(string key, TValue value) => new(Items.SetItem(key, value));

    /// <inheritdoc />
    public bool Equals(EquatableMap<TValue> other)
    {
        if (Count != other.Count)
        {
            return false;
        }

        var comparer = EqualityComparer<TValue>.Default;
        foreach (var (key, value) in Items)
        {
            if (!other.Items.TryGetValue(key, out var otherValue) || !comparer.Equals(value, otherValue))
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
        foreach (var (key, value) in Items)
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
    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator() => Items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
