namespace Apisix.Translation.Crds;

/// <summary>The <c>authentication</c> shorthand of an http rule.</summary>
public sealed record ApisixRouteAuthentication
{
    /// <summary>Turns the shorthand on.</summary>
    public bool Enable { get; init; }

    /// <summary>keyAuth, basicAuth, jwtAuth, wolfRBAC, hmacAuth or ldapAuth.</summary>
    public string Type { get; init; } = string.Empty;

    /// <summary><c>keyAuth.header</c>.</summary>
    public string? KeyAuthHeader { get; init; }

    /// <summary><c>jwtAuth</c> header, query and cookie.</summary>
    public JwtAuthSettings? JwtAuth { get; init; }

    /// <summary><c>ldapAuth</c> fields.</summary>
    public LdapAuthSettings? LdapAuth { get; init; }
}
