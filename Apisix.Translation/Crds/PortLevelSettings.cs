namespace Apisix.Translation.Crds;

/// <summary>One <c>portLevelSettings[]</c> entry.</summary>
public sealed record PortLevelSettings
{
    /// <summary>The Service port it applies to.</summary>
    public int Port { get; init; }

    /// <summary>The settings, which replace the top-level ones entirely for that port.</summary>
    public UpstreamSettings Settings { get; init; } = new();

    /// <summary>Subsets for this port (a 2.x field); a subset named here is used instead of one of <c>spec.subsets</c> of the same name.</summary>
    public EquatableArray<UpstreamSubset> Subsets { get; init; }
}
