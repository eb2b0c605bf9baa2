namespace Apisix.Translation.Config;

/// <summary>An upstream's <c>tls</c>: the client certificate APISIX presents.</summary>
/// <param name="ClientCert">PEM certificate.</param>
/// <param name="ClientKey">PEM key.</param>
public sealed record UpstreamTls(string ClientCert, string ClientKey)
{
    /// <summary>Leaves the key out.</summary>
    public override string ToString() => "UpstreamTls { ClientCert = …, ClientKey = *** }";
}
