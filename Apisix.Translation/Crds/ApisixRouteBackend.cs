namespace Apisix.Translation.Crds;

/// <summary>One Service backend of an http rule (or the backend of a stream rule).</summary>
public sealed record ApisixRouteBackend
{
    /// <summary>The Service, in the route's namespace.</summary>
    public string ServiceName { get; init; } = string.Empty;

    /// <summary>The Service port, by number or name.</summary>
    public IntOrString? ServicePort { get; init; }

    /// <summary><c>endpoint</c> (default: pod IPs) or <c>service</c> (the cluster IP).</summary>
    public string? ResolveGranularity { get; init; }

    /// <summary>Traffic weight; default 100.</summary>
    public int? Weight { get; init; }

    /// <summary>A subset defined in the Service's ApisixUpstream.</summary>
    public string? Subset { get; init; }
}
