namespace Apisix.Translation.Config;

/// <summary>An APISIX plugin_metadata object: written as the metadata's fields plus <c>id</c> (the plugin name).</summary>
public sealed record PluginMetadata
{
    /// <summary>The plugin name.</summary>
    public required string Id { get; init; }

    /// <summary>The metadata object.</summary>
    public required JsonBlob Metadata { get; init; }
}
