namespace Apisix.Translation.Crds;

/// <summary>The <c>spec.client</c> block of an ApisixTls.</summary>
public sealed record ApisixTlsClient
{
    /// <summary>The CA that client certificates must chain to.</summary>
    public SecretReference? CaSecret { get; init; }

    /// <summary>Verification depth.</summary>
    public int? Depth { get; init; }

    /// <summary>URIs (regexes) that skip client verification.</summary>
    public EquatableArray<string> SkipMtlsUriRegex { get; init; }
}
