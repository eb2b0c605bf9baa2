using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Apisix.Translation.Translators;

/// <summary>
/// Checks a PEM certificate and key before APISIX does: both parse, they belong together, and the
/// certificate covers each host (a wildcard covers one label). Never puts key material in a message.
/// </summary>
internal static class CertificateInspector
{
    /// <summary>Reports problems at <paramref name="path"/>; returns false when the pair is unusable.</summary>
    public static bool Check(string certificatePem, string? keyPem, IEnumerable<string> hosts, string path, string secretName, ObjectScope scope)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPem(certificatePem);
        }
        catch (CryptographicException)
        {
            scope.Error(DiagnosticCodes.InvalidValue, path, $"Secret {secretName}: the certificate is not valid PEM");
            return false;
        }

        using (certificate)
        {
            if (keyPem is not null)
            {
                try
                {
                    using var paired = X509Certificate2.CreateFromPem(certificatePem, keyPem);
                }
                catch (Exception exception) when (exception is CryptographicException or ArgumentException)
                {
                    // .NET says "does not match" with an ArgumentException for keys of the same algorithm.
                    scope.Error(DiagnosticCodes.InvalidValue, path, KeyParses(keyPem)
                        ? $"Secret {secretName}: the private key does not belong to the certificate"
                        : $"Secret {secretName}: the private key is not valid PEM");
                    return false;
                }
            }

            var names = DnsNames(certificate);
            foreach (var host in hosts)
            {
                if (!names.Any(name => Covers(name, host)))
                {
                    scope.Warning(DiagnosticCodes.Suspicious, path, $"the certificate in Secret {secretName} does not cover host '{host}' (it has {string.Join(", ", names)})");
                }
            }
        }

        return true;
    }

    /// <summary>True when the certificate name <paramref name="name"/> covers <paramref name="host"/>.</summary>
    public static bool Covers(string name, string host)
    {
        if (string.Equals(name, host, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!name.StartsWith("*.", StringComparison.Ordinal) || host.StartsWith('*'))
        {
            return false;
        }

        var dot = host.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && string.Equals(name[1..], host[dot..], StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The certificate's DNS names, lower-cased, without a lone <c>*</c> (for SNIs); empty when it does not parse.</summary>
    public static string[] SubjectNames(string certificatePem)
    {
        try
        {
            using var certificate = X509Certificate2.CreateFromPem(certificatePem);
            return DnsNames(certificate).Where(name => name != "*").Select(name => name.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToArray();
        }
        catch (CryptographicException)
        {
            return [];
        }
    }

    private static List<string> DnsNames(X509Certificate2 certificate)
    {
        var names = new List<string>();
        foreach (var extension in certificate.Extensions)
        {
            if (extension is X509SubjectAlternativeNameExtension alternativeNames)
            {
                names.AddRange(alternativeNames.EnumerateDnsNames());
            }
        }

        if (names.Count == 0 && certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false) is { Length: > 0 } commonName)
        {
            names.Add(commonName);
        }

        return names;
    }

    private static bool KeyParses(string keyPem)
    {
        foreach (var algorithm in new Func<AsymmetricAlgorithm>[] { RSA.Create, ECDsa.Create })
        {
            using var key = algorithm();
            try
            {
                key.ImportFromPem(keyPem);
                return true;
            }
            catch (Exception exception) when (exception is CryptographicException or ArgumentException)
            {
                // Try the next algorithm.
            }
        }

        return false;
    }
}
