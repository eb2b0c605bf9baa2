namespace Apisix.Translation.Config;

/// <summary><c>checks.active</c>.</summary>
public sealed record ActiveCheck
{
    /// <summary>http, https or tcp.</summary>
    public string? Type { get; init; }

    /// <summary>Probe timeout in seconds.</summary>
    public long? Timeout { get; init; }

    /// <summary>Parallel probes.</summary>
    public int? Concurrency { get; init; }

    /// <summary>Host header.</summary>
    public string? Host { get; init; }

    /// <summary>Probe port.</summary>
    public int? Port { get; init; }

    /// <summary>Probe path.</summary>
    public string? HttpPath { get; init; }

    /// <summary>Verify upstream certificates.</summary>
    public bool? HttpsVerifyCertificate { get; init; }

    /// <summary>Extra probe headers.</summary>
    public EquatableArray<string>? ReqHeaders { get; init; }

    /// <summary>Healthy thresholds; written as <c>{}</c> when empty.</summary>
    public CheckThresholds Healthy { get; init; } = new();

    /// <summary>Unhealthy thresholds; written as <c>{}</c> when empty.</summary>
    public CheckThresholds Unhealthy { get; init; } = new();
}
