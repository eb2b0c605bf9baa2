namespace Apisix.Translation.Networking;

/// <summary>One <c>spec.tls[]</c> entry.</summary>
public sealed record IngressTls
{
    /// <summary>The hosts the certificate serves.</summary>
    public EquatableArray<string> Hosts { get; init; }

    /// <summary>The TLS Secret in the Ingress namespace.</summary>
    public string? SecretName { get; init; }
}
