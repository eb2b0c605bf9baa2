namespace Apisix.Translation.Kubernetes;

/// <summary>A <c>v1</c> Service.</summary>
public sealed record Service : KubernetesObject
{
    /// <inheritdoc />
    public override string Kind => "Service";

    /// <summary><c>spec.type</c>: ClusterIP (default), NodePort, LoadBalancer or ExternalName.</summary>
    public string Type { get; init; } = "ClusterIP";

    /// <summary><c>spec.clusterIP</c>; <c>None</c> for a headless Service.</summary>
    public string? ClusterIP { get; init; }

    /// <summary><c>spec.externalName</c> for ExternalName Services.</summary>
    public string? ExternalName { get; init; }

    /// <summary><c>spec.ports</c>.</summary>
    public EquatableArray<ServicePort> Ports { get; init; }

    /// <summary><c>spec.selector</c>.</summary>
    public EquatableMap<string> Selector { get; init; }

    /// <summary><c>status.loadBalancer.ingress</c>: IPs or hostnames.</summary>
    public EquatableArray<string> LoadBalancerIngress { get; init; }

    /// <summary>True when the Service has no cluster IP to send traffic to.</summary>
    public bool IsHeadless => string.IsNullOrEmpty(ClusterIP) || ClusterIP == "None";
}
