namespace Apisix.Translation.Config;

/// <summary>A <c>healthy</c> or <c>unhealthy</c> block of a health check.</summary>
public sealed record CheckThresholds
{
    /// <summary>Status codes.</summary>
    public EquatableArray<int>? HttpStatuses { get; init; }

    /// <summary>Successes (healthy).</summary>
    public int? Successes { get; init; }

    /// <summary>HTTP failures (unhealthy).</summary>
    public int? HttpFailures { get; init; }

    /// <summary>TCP failures (unhealthy).</summary>
    public int? TcpFailures { get; init; }

    /// <summary>Timeouts (unhealthy).</summary>
    public int? Timeouts { get; init; }

    /// <summary>Probe interval in seconds (active).</summary>
    public long? Interval { get; init; }
}
