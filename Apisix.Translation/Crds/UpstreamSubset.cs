namespace Apisix.Translation.Crds;

/// <summary>One <c>subsets[]</c> entry: a named pod label selector.</summary>
public sealed record UpstreamSubset
{
    /// <summary>The subset name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The pod labels the subset selects.</summary>
    public EquatableMap<string> Labels { get; init; }
}
