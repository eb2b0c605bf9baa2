namespace Apisix.Translation.Crds;

/// <summary>The <c>healthCheck.passive</c> block.</summary>
public sealed record PassiveHealthCheck
{
    /// <summary>http, https or tcp.</summary>
    public string? Type { get; init; }

    /// <summary>When a node becomes healthy.</summary>
    public HealthyThresholds? Healthy { get; init; }

    /// <summary>When a node becomes unhealthy.</summary>
    public UnhealthyThresholds? Unhealthy { get; init; }
}
