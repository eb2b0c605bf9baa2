using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.Crds;

/// <summary>An <c>apisix.apache.org/v2</c> ApisixTls: a certificate for some hosts, optionally with client verification.</summary>
public sealed record ApisixTls : KubernetesObject
{
    /// <inheritdoc />
    public override string Kind => "ApisixTls";

    /// <summary><c>spec.ingressClassName</c>.</summary>
    public string? IngressClassName { get; init; }

    /// <summary><c>spec.hosts</c>: the SNIs.</summary>
    public EquatableArray<string> Hosts { get; init; }

    /// <summary><c>spec.secret</c>: the certificate and key.</summary>
    public SecretReference? Secret { get; init; }

    /// <summary><c>spec.client</c>: mTLS settings.</summary>
    public ApisixTlsClient? Client { get; init; }
}
