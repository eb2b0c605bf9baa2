namespace Apisix.Translation.Config;

/// <summary>An APISIX service. The 1.x-compatible translation makes none; the type keeps the document complete.</summary>
public sealed record ApisixService
{
    /// <summary>The id.</summary>
    public required string Id { get; init; }

    /// <summary>The name.</summary>
    public string? Name { get; init; }

    /// <summary>Plugins by name.</summary>
    public EquatableMap<JsonBlob>? Plugins { get; init; }

    /// <summary>The upstream.</summary>
    public string? UpstreamId { get; init; }
}
