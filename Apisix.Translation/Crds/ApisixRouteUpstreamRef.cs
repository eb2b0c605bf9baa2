namespace Apisix.Translation.Crds;

/// <summary>One <c>upstreams[]</c> reference to an ApisixUpstream in the route's namespace.</summary>
public sealed record ApisixRouteUpstreamRef
{
    /// <summary>The ApisixUpstream's name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Traffic weight; default 100.</summary>
    public int? Weight { get; init; }
}
