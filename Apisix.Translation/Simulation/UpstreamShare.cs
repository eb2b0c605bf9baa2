namespace Apisix.Translation.Simulation;

/// <summary>One upstream a request may go to, with its share and the Kubernetes Service behind it.</summary>
/// <param name="UpstreamId">The APISIX upstream id (null for a target outside APISIX's upstreams, e.g. a mirror host).</param>
/// <param name="Weight">The traffic-split weight (1 when there is a single upstream).</param>
/// <param name="Share">The fraction of requests, 0..1.</param>
/// <param name="Backend">The Service port behind it, when known.</param>
public sealed record UpstreamShare(string? UpstreamId, int Weight, double Share, ServiceBackendSource? Backend);
