namespace Apisix.Translation.Config;

/// <summary>An ssl's <c>client</c> block.</summary>
public sealed record SslClient
{
    /// <summary>PEM CA certificate.</summary>
    public string? Ca { get; init; }

    /// <summary>Verification depth.</summary>
    public int? Depth { get; init; }

    /// <summary>URIs that skip mTLS.</summary>
    public EquatableArray<string>? SkipMtlsUriRegex { get; init; }
}
