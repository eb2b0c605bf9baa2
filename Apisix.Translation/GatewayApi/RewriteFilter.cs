namespace Apisix.Translation.GatewayApi;

/// <summary>URLRewrite.</summary>
public sealed record RewriteFilter
{
    /// <summary>The new Host.</summary>
    public string? Hostname { get; init; }

    /// <summary>The path change.</summary>
    public PathModifier? Path { get; init; }
}
