namespace Apisix.Translation.Crds;

/// <summary>The <c>healthCheck.active</c> block.</summary>
public sealed record ActiveHealthCheck
{
    /// <summary>http, https or tcp.</summary>
    public string? Type { get; init; }

    /// <summary>
    /// The probe timeout: a number of nanoseconds (the CRD's Go duration) or, as we also accept, a duration
    /// string such as <c>"5s"</c>.
    /// </summary>
    public JsonBlob? Timeout { get; init; }

    /// <summary>Parallel probes.</summary>
    public int? Concurrency { get; init; }

    /// <summary>The Host header of probes.</summary>
    public string? Host { get; init; }

    /// <summary>The probe port.</summary>
    public int? Port { get; init; }

    /// <summary>The probe path.</summary>
    public string? HttpPath { get; init; }

    /// <summary>Verify the upstream certificate on https probes (default true).</summary>
    public bool? StrictTls { get; init; }

    /// <summary>Extra probe headers.</summary>
    public EquatableArray<string> RequestHeaders { get; init; }

    /// <summary>When a node becomes healthy.</summary>
    public HealthyThresholds? Healthy { get; init; }

    /// <summary>When a node becomes unhealthy.</summary>
    public UnhealthyThresholds? Unhealthy { get; init; }
}
