using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.Networking;

/// <summary>A <c>networking.k8s.io/v1</c> Ingress; its <c>k8s.apisix.apache.org/*</c> annotations are in <see cref="ObjectMeta.Annotations"/>.</summary>
public sealed record Ingress : KubernetesObject
{
    /// <inheritdoc />
    public override string Kind => "Ingress";

    /// <summary><c>spec.ingressClassName</c>.</summary>
    public string? IngressClassName { get; init; }

    /// <summary><c>spec.defaultBackend</c>.</summary>
    public IngressBackend? DefaultBackend { get; init; }

    /// <summary><c>spec.rules</c>.</summary>
    public EquatableArray<IngressRule> Rules { get; init; }

    /// <summary><c>spec.tls</c>.</summary>
    public EquatableArray<IngressTls> Tls { get; init; }
}
