namespace Apisix.Translation.Kubernetes;

/// <summary>A <c>discovery.k8s.io/v1</c> EndpointSlice.</summary>
public sealed record EndpointSlice : KubernetesObject
{
    /// <summary>The label naming the Service a slice belongs to.</summary>
    public const string ServiceNameLabel = "kubernetes.io/service-name";

    /// <inheritdoc />
    public override string Kind => "EndpointSlice";

    /// <summary>IPv4, IPv6 or FQDN.</summary>
    public string AddressType { get; init; } = "IPv4";

    /// <summary>The endpoints.</summary>
    public EquatableArray<SliceEndpoint> Endpoints { get; init; }

    /// <summary>The ports every endpoint serves.</summary>
    public EquatableArray<EndpointPort> Ports { get; init; }

    /// <summary>The Service this slice belongs to, from its label.</summary>
    public string? ServiceName => Metadata.Labels.TryGetValue(ServiceNameLabel, out var name) ? name : null;
}
