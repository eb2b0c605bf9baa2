namespace Apisix.Translation.Config;

/// <summary>An APISIX plugin_config.</summary>
public sealed record PluginConfig
{
    /// <summary>The id.</summary>
    public required string Id { get; init; }

    /// <summary>The name.</summary>
    public string? Name { get; init; }

    /// <summary>The description.</summary>
    public string? Desc { get; init; }

    /// <summary>Labels.</summary>
    public EquatableMap<string>? Labels { get; init; }

    /// <summary>Plugins by name (always written).</summary>
    public EquatableMap<JsonBlob> Plugins { get; init; }
}
