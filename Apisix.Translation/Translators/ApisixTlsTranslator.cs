using System.Text.RegularExpressions;
using Apisix.Translation.Config;
using Apisix.Translation.Crds;
using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.Translators;

/// <summary>
/// An ApisixTls to an ssl (reference §2.10): id GenID(<c>{ns}_{name}</c>), the certificate from an
/// APISIX-style or Kubernetes TLS Secret, SNIs from hosts, and client verification with a CA Secret.
/// </summary>
internal static partial class ApisixTlsTranslator
{
    private static readonly string[] CaKeys = ["cert", "tls.crt", "ca.crt"];

    public static void Translate(ApisixTls tls, TranslationContext context, ObjectScope scope)
    {
        if (tls.Hosts.IsEmpty)
        {
            scope.Error(DiagnosticCodes.RequiredField, "spec.hosts", "at least one host is required");
        }

        for (var i = 0; i < tls.Hosts.Count; i++)
        {
            if (!HostPattern().IsMatch(tls.Hosts[i]))
            {
                scope.Error(DiagnosticCodes.InvalidValue, $"spec.hosts[{i}]", $"'{tls.Hosts[i]}' is not a host name (a leading * makes a wildcard)");
            }
        }

        if (tls.Secret is null)
        {
            scope.Error(DiagnosticCodes.RequiredField, "spec.secret", "is required");
            return;
        }

        var secret = SecretResolver.Resolve(tls.Ref, SecretResolver.ApisixGroup, tls.Secret.Namespace, tls.Secret.Name, "spec.secret", context, scope);
        if (secret is null || !CheckTlsSecretType(secret, "spec.secret", scope) || SecretResolver.CertificatePair(secret, "spec.secret", scope) is not { } pair)
        {
            return;
        }

        CertificateInspector.Check(pair.Cert, pair.Key, tls.Hosts, "spec.secret", $"{secret.Namespace}/{secret.Name}", scope);
        var ssl = new Ssl
        {
            Id = IdGenerator.GenId($"{tls.Namespace}_{tls.Name}"),
            Snis = tls.Hosts,
            Cert = pair.Cert,
            Key = pair.Key,
            Status = 1,
            Labels = ManagedLabels.ManagedBy
                .SetItem("meta_secret_namespace", secret.Namespace)
                .SetItem("meta_secret_name", secret.Name),
        };

        if (tls.Client is { } client)
        {
            ssl = ssl with { Client = TranslateClient(tls, client, context, scope) };
        }

        scope.Ssls.Add(ssl);
    }

    /// <summary>Only Opaque and kubernetes.io/tls Secrets carry certificates.</summary>
    public static bool CheckTlsSecretType(Secret secret, string path, ObjectScope scope)
    {
        if (secret.Type is "Opaque" or "kubernetes.io/tls" or "")
        {
            return true;
        }

        scope.Error(DiagnosticCodes.InvalidValue, path, $"Secret {secret.Namespace}/{secret.Name} is of type {secret.Type}; a certificate Secret must be kubernetes.io/tls or Opaque");
        return false;
    }

    private static SslClient? TranslateClient(ApisixTls tls, ApisixTlsClient client, TranslationContext context, ObjectScope scope)
    {
        if (client.CaSecret is null)
        {
            scope.Error(DiagnosticCodes.RequiredField, "spec.client.caSecret", "is required when client is set");
            return null;
        }

        if (client.Depth is < 0)
        {
            scope.Error(DiagnosticCodes.InvalidValue, "spec.client.depth", $"must not be negative, got {client.Depth}");
        }

        for (var i = 0; i < client.SkipMtlsUriRegex.Count; i++)
        {
            if (RegexCheck.Error(client.SkipMtlsUriRegex[i]) is { } problem)
            {
                scope.Error(DiagnosticCodes.InvalidValue, $"spec.client.skip_mtls_uri_regex[{i}]", $"is not a valid regular expression: {problem}");
            }
        }

        var caSecret = SecretResolver.Resolve(tls.Ref, SecretResolver.ApisixGroup, client.CaSecret.Namespace, client.CaSecret.Name, "spec.client.caSecret", context, scope);
        if (caSecret is null || !CheckTlsSecretType(caSecret, "spec.client.caSecret", scope))
        {
            return null;
        }

        var ca = CaKeys.Select(key => caSecret.Data.TryGetValue(key, out var value) ? value : null).FirstOrDefault(value => !string.IsNullOrEmpty(value));
        if (ca is null)
        {
            scope.Error(DiagnosticCodes.InvalidSecret, "spec.client.caSecret", $"Secret {caSecret.Namespace}/{caSecret.Name} has none of the keys cert, tls.crt, ca.crt");
            return null;
        }

        CertificateInspector.Check(ca, null, [], "spec.client.caSecret", $"{caSecret.Namespace}/{caSecret.Name}", scope);
        return new SslClient
        {
            Ca = ca,
            Depth = client.Depth,
            SkipMtlsUriRegex = client.SkipMtlsUriRegex.IsEmpty ? (EquatableArray<string>?)null : client.SkipMtlsUriRegex,
        };
    }

    [GeneratedRegex(@"^\*?[0-9a-zA-Z-.]+$")]
    private static partial Regex HostPattern();
}
