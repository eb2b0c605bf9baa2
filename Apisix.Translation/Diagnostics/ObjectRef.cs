namespace Apisix.Translation;

/// <summary>Names a Kubernetes object: kind, namespace (null when cluster-scoped) and name.</summary>
/// <param name="Kind">The object's kind, e.g. <c>ApisixRoute</c>.</param>
/// <param name="Namespace">The namespace, or null for cluster-scoped objects.</param>
/// <param name="Name">The object's name.</param>
public sealed record ObjectRef(string Kind, string? Namespace, string Name)
{
    /// <summary><c>Kind namespace/name</c>, or <c>Kind name</c> when cluster-scoped.</summary>
    public override string ToString() => Namespace is null ? $"{Kind} {Name}" : $"{Kind} {Namespace}/{Name}";
}
