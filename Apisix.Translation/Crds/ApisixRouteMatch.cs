namespace Apisix.Translation.Crds;

/// <summary>The <c>match</c> block of an http rule.</summary>
public sealed record ApisixRouteMatch
{
    /// <summary>URI paths; a trailing <c>*</c> makes a prefix.</summary>
    public EquatableArray<string> Paths { get; init; }

    /// <summary>Hosts; a leading <c>*</c> makes a wildcard.</summary>
    public EquatableArray<string> Hosts { get; init; }

    /// <summary>HTTP methods.</summary>
    public EquatableArray<string> Methods { get; init; }

    /// <summary>Client IPs or CIDRs.</summary>
    public EquatableArray<string> RemoteAddrs { get; init; }

    /// <summary>Extra conditions on headers, query, cookies, path and variables.</summary>
    public EquatableArray<ApisixRouteExpr> Exprs { get; init; }

    /// <summary>A Lua function that decides the match.</summary>
    public string? FilterFunc { get; init; }
}
