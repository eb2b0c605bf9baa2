namespace Apisix.Translation.Crds;

/// <summary>The <c>loadbalancer</c> block.</summary>
public sealed record LoadBalancerSettings
{
    /// <summary>roundrobin, chash, ewma or least_conn.</summary>
    public string? Type { get; init; }

    /// <summary>For chash: vars, vars_combinations, header, cookie or consumer.</summary>
    public string? HashOn { get; init; }

    /// <summary>For chash: the hash key.</summary>
    public string? Key { get; init; }
}
