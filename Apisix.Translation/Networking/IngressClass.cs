using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.Networking;

/// <summary>A <c>networking.k8s.io/v1</c> IngressClass (cluster-scoped).</summary>
public sealed record IngressClass : KubernetesObject
{
    /// <summary>The annotation that makes a class the default for Ingresses that name none.</summary>
    public const string DefaultClassAnnotation = "ingressclass.kubernetes.io/is-default-class";

    /// <inheritdoc />
    public override string Kind => "IngressClass";

    /// <summary><c>spec.controller</c>.</summary>
    public string? Controller { get; init; }

    /// <summary>True when annotated as the cluster's default class.</summary>
    public bool IsDefault => Metadata.Annotations.TryGetValue(DefaultClassAnnotation, out var value) && value == "true";
}
