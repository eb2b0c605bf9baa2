namespace Apisix.Translation.Kubernetes;

/// <summary>The metadata fields the translation uses.</summary>
public sealed record ObjectMeta
{
    /// <summary>The object's name.</summary>
    public required string Name { get; init; }

    /// <summary>The namespace; null for cluster-scoped kinds.</summary>
    public string? Namespace { get; init; }

    /// <summary>Labels.</summary>
    public EquatableMap<string> Labels { get; init; }

    /// <summary>Annotations.</summary>
    public EquatableMap<string> Annotations { get; init; }

    /// <summary>The object's uid, when read from a cluster.</summary>
    public string? Uid { get; init; }

    /// <summary>The resourceVersion, when read from a cluster.</summary>
    public string? ResourceVersion { get; init; }

    /// <summary>The creation timestamp (RFC 3339, so it sorts as text), when read from a cluster.</summary>
    public string? CreationTimestamp { get; init; }

    /// <summary>The generation, when read from a cluster.</summary>
    public long? Generation { get; init; }

    /// <summary>When deletion was asked for (RFC 3339); set while the object waits for its finalizers.</summary>
    public string? DeletionTimestamp { get; init; }
}
