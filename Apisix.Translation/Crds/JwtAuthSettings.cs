namespace Apisix.Translation.Crds;

/// <summary>The <c>authentication.jwtAuth</c> block: where the token is read from.</summary>
public sealed record JwtAuthSettings
{
    /// <summary>The header.</summary>
    public string? Header { get; init; }

    /// <summary>The query argument.</summary>
    public string? Query { get; init; }

    /// <summary>The cookie.</summary>
    public string? Cookie { get; init; }
}
