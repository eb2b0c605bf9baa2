namespace Apisix.Translation.Kubernetes;

/// <summary>A <c>v1</c> Namespace (named so to stay clear of the keyword): its labels decide Gateway listener namespace selectors.</summary>
public sealed record NamespaceObject : KubernetesObject
{
    /// <inheritdoc />
    public override string Kind => "Namespace";
}
