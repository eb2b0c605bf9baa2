namespace Apisix.Translation.Config;

/// <summary>
/// A whole APISIX configuration, each collection sorted by id (consumers by username), so that two
/// translations of the same input are equal and serialize to the same bytes.
/// </summary>
public sealed record ApisixConfiguration
{
    /// <summary>Routes.</summary>
    public EquatableArray<Route> Routes { get; init; }

    /// <summary>Services.</summary>
    public EquatableArray<ApisixService> Services { get; init; }

    /// <summary>Upstreams.</summary>
    public EquatableArray<Upstream> Upstreams { get; init; }

    /// <summary>SSLs.</summary>
    public EquatableArray<Ssl> Ssls { get; init; }

    /// <summary>Consumers.</summary>
    public EquatableArray<Consumer> Consumers { get; init; }

    /// <summary>Plugin configs.</summary>
    public EquatableArray<PluginConfig> PluginConfigs { get; init; }

    /// <summary>Global rules.</summary>
    public EquatableArray<GlobalRule> GlobalRules { get; init; }

    /// <summary>Stream routes.</summary>
    public EquatableArray<StreamRoute> StreamRoutes { get; init; }

    /// <summary>Plugin metadata.</summary>
    public EquatableArray<PluginMetadata> PluginMetadata { get; init; }
}
