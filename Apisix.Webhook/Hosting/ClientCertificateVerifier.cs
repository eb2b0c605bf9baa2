using System.Security.Cryptography.X509Certificates;

namespace Apisix.Webhook.Hosting;

/// <summary>
/// Verifies the API server's client certificate against the configured CA (and only that CA), so that only
/// kube-apiserver can drive the webhook.
/// </summary>
internal sealed class ClientCertificateVerifier(string caFile)
{
    private readonly X509Certificate2Collection _authorities = LoadAuthorities(caFile);

    public bool Verify(X509Certificate2? certificate)
    {
        if (certificate is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new System.Security.Cryptography.Oid("1.3.6.1.5.5.7.3.2"));
        return chain.Build(certificate);
    }

    private static X509Certificate2Collection LoadAuthorities(string file)
    {
        var collection = new X509Certificate2Collection();
        collection.ImportFromPemFile(file);
        return collection;
    }
}
