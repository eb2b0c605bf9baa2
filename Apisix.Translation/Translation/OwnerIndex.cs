namespace Apisix.Translation;

/// <summary>
/// The Kubernetes object behind each APISIX object. Built from the translation's own tables, without
/// copying, since most callers (a controller writing status, the route simulator) ask for a handful.
/// </summary>
public sealed class OwnerIndex
{
    private readonly Func<string, string, ObjectRef?> _find;

    /// <summary>An index over <paramref name="find"/>: collection and id in, owner (or null) out.</summary>
    internal OwnerIndex(Func<string, string, ObjectRef?> find) => _find = find;

    /// <summary>An index that knows no owners.</summary>
    public static OwnerIndex Empty { get; } = new(static (_, _) => null);

    /// <summary>The owner of object <paramref name="id"/> in <paramref name="collection"/> (<c>routes</c>, <c>upstreams</c>, <c>stream_routes</c>, ...), or null.</summary>
    public ObjectRef? Find(string collection, string id)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(id);
        return _find(collection, id);
    }
}
