namespace Apisix.Translation.Crds;

/// <summary>The <c>discovery</c> block: APISIX service discovery instead of nodes.</summary>
public sealed record DiscoverySettings
{
    /// <summary>The service name in the registry.</summary>
    public string ServiceName { get; init; } = string.Empty;

    /// <summary>The registry type, e.g. dns, nacos, consul.</summary>
    public string Type { get; init; } = string.Empty;

    /// <summary>Registry arguments.</summary>
    public EquatableMap<string> Args { get; init; }
}
