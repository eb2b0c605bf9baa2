namespace Apisix.Translation.Config;

/// <summary>An APISIX upstream, shaped like the Admin API body.</summary>
public sealed record Upstream
{
    /// <summary>The id.</summary>
    public required string Id { get; init; }

    /// <summary>The name the id is derived from.</summary>
    public string? Name { get; init; }

    /// <summary>The description.</summary>
    public string? Desc { get; init; }

    /// <summary>Labels.</summary>
    public EquatableMap<string>? Labels { get; init; }

    /// <summary>Load-balancing type.</summary>
    public string Type { get; init; } = "roundrobin";

    /// <summary>chash source.</summary>
    public string? HashOn { get; init; }

    /// <summary>chash key.</summary>
    public string? Key { get; init; }

    /// <summary>Health checks.</summary>
    public HealthChecks? Checks { get; init; }

    /// <summary>Nodes: always present (maybe empty) unless discovery is used.</summary>
    public EquatableArray<UpstreamNode>? Nodes { get; init; }

    /// <summary>Scheme.</summary>
    public string? Scheme { get; init; } = "http";

    /// <summary>Retries; written whenever set, even 0.</summary>
    public int? Retries { get; init; }

    /// <summary>Timeouts in seconds.</summary>
    public TimeoutSeconds? Timeout { get; init; }

    /// <summary>Client certificate for upstream mTLS.</summary>
    public UpstreamTls? Tls { get; init; }

    /// <summary>pass, node or rewrite.</summary>
    public string? PassHost { get; init; }

    /// <summary>Host for passHost rewrite.</summary>
    public string? UpstreamHost { get; init; }

    /// <summary>Discovery: service name.</summary>
    public string? ServiceName { get; init; }

    /// <summary>Discovery: registry type.</summary>
    public string? DiscoveryType { get; init; }

    /// <summary>Discovery: registry arguments.</summary>
    public EquatableMap<string>? DiscoveryArgs { get; init; }
}
