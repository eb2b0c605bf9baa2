namespace Apisix.Translation.Crds;

/// <summary>A plugin entry as the APISIX CRDs write it.</summary>
public sealed record ApisixPlugin
{
    /// <summary>The APISIX plugin name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Only enabled plugins are translated. Absent reads as true (the 2.x default).</summary>
    public bool Enable { get; init; } = true;

    /// <summary>The plugin config, passed through as is.</summary>
    public JsonBlob? Config { get; init; }

    /// <summary>A Secret whose keys (dotted for nesting) are merged into the config.</summary>
    public string? SecretRef { get; init; }
}
