namespace Apisix.Translation.Crds;

/// <summary>One <c>portLevelSettings[]</c> entry.</summary>
public sealed record PortLevelSettings
{
    /// <summary>The Service port it applies to.</summary>
    public int Port { get; init; }

    /// <summary>The settings, which replace the top-level ones entirely for that port.</summary>
    public UpstreamSettings Settings { get; init; } = new();
}
