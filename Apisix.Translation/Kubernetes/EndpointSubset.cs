namespace Apisix.Translation.Kubernetes;

/// <summary>One subset of an Endpoints object.</summary>
public sealed record EndpointSubset
{
    /// <summary>The ready addresses' IPs.</summary>
    public EquatableArray<string> Addresses { get; init; }

    /// <summary>The not-ready addresses' IPs (never routed to).</summary>
    public EquatableArray<string> NotReadyAddresses { get; init; }

    /// <summary>The ports.</summary>
    public EquatableArray<EndpointPort> Ports { get; init; }
}
