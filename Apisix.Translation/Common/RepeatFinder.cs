namespace Apisix.Translation;

/// <summary>
/// Finds the items of a list whose key equals an earlier item's, while the caller walks the list in order: a
/// short list is scanned, a long one gets a set. The usual object pays nothing, and one with thousands of
/// entries (a 3 MiB review can hold a hundred thousand) does not take quadratic time.
/// </summary>
internal struct RepeatFinder<T, TKey>(IReadOnlyList<T> items, Func<T, TKey> key)
{
    private const int Scanned = 16;

    private HashSet<TKey>? _seen;

    /// <summary>True when item <paramref name="index"/>'s key equals an earlier item's; call for every index, in order.</summary>
    public bool At(int index)
    {
        if (items.Count <= Scanned)
        {
            var comparer = EqualityComparer<TKey>.Default;
            var current = key(items[index]);
            for (var earlier = 0; earlier < index; earlier++)
            {
                if (comparer.Equals(key(items[earlier]), current))
                {
                    return true;
                }
            }

            return false;
        }

        _seen ??= new HashSet<TKey>(items.Count);
        return !_seen.Add(key(items[index]));
    }
}
