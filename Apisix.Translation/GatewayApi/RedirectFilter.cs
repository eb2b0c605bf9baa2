namespace Apisix.Translation.GatewayApi;

/// <summary>RequestRedirect.</summary>
public sealed record RedirectFilter
{
    /// <summary>http or https.</summary>
    public string? Scheme { get; init; }

    /// <summary>The host.</summary>
    public string? Hostname { get; init; }

    /// <summary>The path change.</summary>
    public PathModifier? Path { get; init; }

    /// <summary>The port.</summary>
    public int? Port { get; init; }

    /// <summary>301 (default 302), 302, 303, 307 or 308.</summary>
    public int? StatusCode { get; init; }
}
