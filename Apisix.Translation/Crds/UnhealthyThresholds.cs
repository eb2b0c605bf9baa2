namespace Apisix.Translation.Crds;

/// <summary>An <c>unhealthy</c> block.</summary>
public sealed record UnhealthyThresholds
{
    /// <summary>Probe interval (active only), a duration string.</summary>
    public string? Interval { get; init; }

    /// <summary>Status codes that count as failure.</summary>
    public EquatableArray<int>? HttpCodes { get; init; }

    /// <summary>HTTP failures needed.</summary>
    public int? HttpFailures { get; init; }

    /// <summary>TCP failures needed.</summary>
    public int? TcpFailures { get; init; }

    /// <summary>Timeouts needed: read from the 1.x key <c>timeouts</c> or the 2.x key <c>timeout</c>.</summary>
    public int? Timeouts { get; init; }
}
