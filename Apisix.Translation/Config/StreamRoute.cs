namespace Apisix.Translation.Config;

/// <summary>An APISIX stream_route (TCP/UDP/TLS).</summary>
public sealed record StreamRoute
{
    /// <summary>The id.</summary>
    public required string Id { get; init; }

    /// <summary>The description.</summary>
    public string? Desc { get; init; }

    /// <summary>Labels.</summary>
    public EquatableMap<string>? Labels { get; init; }

    /// <summary>The APISIX stream port.</summary>
    public int? ServerPort { get; init; }

    /// <summary>The TLS SNI.</summary>
    public string? Sni { get; init; }

    /// <summary>The upstream.</summary>
    public string? UpstreamId { get; init; }

    /// <summary>Plugins by name.</summary>
    public EquatableMap<JsonBlob>? Plugins { get; init; }
}
