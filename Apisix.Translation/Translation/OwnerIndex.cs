namespace Apisix.Translation;

/// <summary>
/// The Kubernetes object behind each APISIX object. Built from the translation's own tables, without
/// copying, since most callers (a controller writing status, the route simulator) ask for a handful.
/// </summary>
public sealed class OwnerIndex
{
    private readonly IReadOnlyDictionary<string, Func<string, ObjectRef?>> _collections;

    internal OwnerIndex(IReadOnlyDictionary<string, Func<string, ObjectRef?>> collections) => _collections = collections;

    /// <summary>An index that knows no owners.</summary>
    public static OwnerIndex Empty { get; } = new(new Dictionary<string, Func<string, ObjectRef?>>());

    /// <summary>The owner of object <paramref name="id"/> in <paramref name="collection"/> (<c>routes</c>, <c>upstreams</c>, <c>stream_routes</c>, ...), or null.</summary>
    public ObjectRef? Find(string collection, string id) =>
        _collections.TryGetValue(collection, out var lookup) ? lookup(id) : null;
}
