namespace Apisix.Translation.Kubernetes;

/// <summary>The part every Kubernetes object shares.</summary>
public abstract record KubernetesObject
{
    /// <summary>The object's kind, e.g. <c>Service</c>.</summary>
    public abstract string Kind { get; }

    /// <summary>The object's metadata.</summary>
    public required ObjectMeta Metadata { get; init; }

    /// <summary>Where the object was read from, when it came from a file.</summary>
    public SourceLocation? Source { get; init; }

    /// <summary>The line of each field, when the object came from a file.</summary>
    public FieldLineIndex? Lines { get; init; }

    /// <summary>The object's kind, namespace and name.</summary>
    public ObjectRef Ref => new(Kind, Metadata.Namespace, Metadata.Name);

    /// <summary>The namespace, or the empty string when cluster-scoped.</summary>
    public string Namespace => Metadata.Namespace ?? string.Empty;

    /// <summary>The name.</summary>
    public string Name => Metadata.Name;
}
