namespace Apisix.Translation.Crds;

/// <summary>The <c>healthCheck</c> block.</summary>
public sealed record HealthCheckSettings
{
    /// <summary>Active probing (required by the 1.x translator).</summary>
    public ActiveHealthCheck? Active { get; init; }

    /// <summary>Passive checks from real traffic.</summary>
    public PassiveHealthCheck? Passive { get; init; }
}
