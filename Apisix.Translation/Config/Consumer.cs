namespace Apisix.Translation.Config;

/// <summary>An APISIX consumer, keyed by username.</summary>
public sealed record Consumer
{
    /// <summary>The username (the key).</summary>
    public required string Username { get; init; }

    /// <summary>The description.</summary>
    public string? Desc { get; init; }

    /// <summary>Labels.</summary>
    public EquatableMap<string>? Labels { get; init; }

    /// <summary>Plugins by name.</summary>
    public EquatableMap<JsonBlob>? Plugins { get; init; }
}
