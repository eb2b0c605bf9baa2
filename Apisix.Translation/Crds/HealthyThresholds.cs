namespace Apisix.Translation.Crds;

/// <summary>A <c>healthy</c> block.</summary>
public sealed record HealthyThresholds
{
    /// <summary>Probe interval (active only), a duration string.</summary>
    public string? Interval { get; init; }

    /// <summary>Status codes that count as success.</summary>
    public EquatableArray<int>? HttpCodes { get; init; }

    /// <summary>Successes needed.</summary>
    public int? Successes { get; init; }
}
