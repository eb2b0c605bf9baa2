namespace Apisix.Translation.Config;

/// <summary>An upstream's <c>checks</c>.</summary>
public sealed record HealthChecks
{
    /// <summary>Active probing.</summary>
    public ActiveCheck? Active { get; init; }

    /// <summary>Passive checks.</summary>
    public PassiveCheck? Passive { get; init; }
}
