using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.GatewayApi;

/// <summary>
/// A <c>gateway.networking.k8s.io</c> ReferenceGrant: lets objects in other namespaces refer to objects in
/// this one. We honour it for Secrets too, so that a route cannot borrow another team's TLS key.
/// </summary>
public sealed record ReferenceGrant : KubernetesObject
{
    /// <inheritdoc />
    public override string Kind => "ReferenceGrant";

    /// <summary>Who may refer.</summary>
    public EquatableArray<ReferenceGrantFrom> From { get; init; }

    /// <summary>What may be referred to (in this namespace).</summary>
    public EquatableArray<ReferenceGrantTo> To { get; init; }

    /// <summary>True when this grant lets <paramref name="fromKind"/> objects of <paramref name="fromNamespace"/> refer to the named target.</summary>
    public bool Allows(string fromGroup, string fromKind, string fromNamespace, string toGroup, string toKind, string toName) =>
        From.Any(f => f.Group == fromGroup && f.Kind == fromKind && f.Namespace == fromNamespace) &&
        To.Any(t => t.Group == toGroup && t.Kind == toKind && (string.IsNullOrEmpty(t.Name) || t.Name == toName));
}
