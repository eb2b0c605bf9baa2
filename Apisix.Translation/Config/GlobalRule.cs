namespace Apisix.Translation.Config;

/// <summary>An APISIX global_rule.</summary>
public sealed record GlobalRule
{
    /// <summary>The id.</summary>
    public required string Id { get; init; }

    /// <summary>Plugins by name (always written).</summary>
    public EquatableMap<JsonBlob> Plugins { get; init; }
}
