namespace Apisix.Translation.Crds;

/// <summary>The <c>authentication.ldapAuth</c> block.</summary>
public sealed record LdapAuthSettings
{
    /// <summary><c>base_dn</c>.</summary>
    public string? BaseDn { get; init; }

    /// <summary><c>ldap_uri</c>.</summary>
    public string? LdapUri { get; init; }

    /// <summary><c>use_tls</c>.</summary>
    public bool? UseTls { get; init; }

    /// <summary><c>uid</c>.</summary>
    public string? Uid { get; init; }
}
