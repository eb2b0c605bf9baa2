namespace Apisix.Translation.GatewayApi;

/// <summary>RequestHeaderModifier / ResponseHeaderModifier.</summary>
public sealed record HeaderModifier
{
    /// <summary>Headers to set (replace).</summary>
    public EquatableArray<KeyValuePair<string, string>> Set { get; init; }

    /// <summary>Headers to add (append).</summary>
    public EquatableArray<KeyValuePair<string, string>> Add { get; init; }

    /// <summary>Headers to remove.</summary>
    public EquatableArray<string> Remove { get; init; }
}
