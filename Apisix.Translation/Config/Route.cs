namespace Apisix.Translation.Config;

/// <summary>An APISIX route, shaped like the Admin API body.</summary>
public sealed record Route
{
    /// <summary>The id (see <see cref="IdGenerator"/>).</summary>
    public required string Id { get; init; }

    /// <summary>The name the id is derived from.</summary>
    public string? Name { get; init; }

    /// <summary>The description.</summary>
    public string? Desc { get; init; }

    /// <summary>Labels.</summary>
    public EquatableMap<string>? Labels { get; init; }

    /// <summary>A single host (Ingress).</summary>
    public string? Host { get; init; }

    /// <summary>Hosts.</summary>
    public EquatableArray<string>? Hosts { get; init; }

    /// <summary>A single URI (Gateway API).</summary>
    public string? Uri { get; init; }

    /// <summary>URIs.</summary>
    public EquatableArray<string>? Uris { get; init; }

    /// <summary>Priority; omitted when 0.</summary>
    public long? Priority { get; init; }

    /// <summary>Upstream timeouts in seconds.</summary>
    public TimeoutSeconds? Timeout { get; init; }

    /// <summary>lua-resty-expr conditions.</summary>
    public JsonBlob? Vars { get; init; }

    /// <summary>HTTP methods.</summary>
    public EquatableArray<string>? Methods { get; init; }

    /// <summary>Websocket proxying; omitted when false.</summary>
    public bool? EnableWebsocket { get; init; }

    /// <summary>Client addresses.</summary>
    public EquatableArray<string>? RemoteAddrs { get; init; }

    /// <summary>The upstream.</summary>
    public string? UpstreamId { get; init; }

    /// <summary>Plugins by name.</summary>
    public EquatableMap<JsonBlob>? Plugins { get; init; }

    /// <summary>An attached plugin_config.</summary>
    public string? PluginConfigId { get; init; }

    /// <summary>A Lua filter function.</summary>
    public string? FilterFunc { get; init; }
}
