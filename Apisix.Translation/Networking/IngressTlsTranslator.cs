using Apisix.Translation.Config;
using Apisix.Translation.Translators;

namespace Apisix.Translation.Networking;

/// <summary>
/// An Ingress <c>spec.tls[k]</c> entry to an ssl with id GenID(<c>Ingress_{ns}_{name}_{k}</c>) (deviation 4).
/// A Secret that does not exist yet is a warning, not an error: cert-manager creates it after the Ingress,
/// and the routes must not wait for it.
/// </summary>
internal static class IngressTlsTranslator
{
    public static void Translate(Ingress ingress, IngressTls tls, int index, TranslationContext context, ObjectScope scope)
    {
        var path = $"spec.tls[{index}]";
        if (string.IsNullOrEmpty(tls.SecretName))
        {
            scope.Warning(DiagnosticCodes.Suspicious, $"{path}.secretName", "no secret is named; APISIX has no certificate for these hosts");
            return;
        }

        var secret = context.Input.Get<Kubernetes.Secret>("Secret", ingress.Namespace, tls.SecretName);
        if (secret is null)
        {
            scope.Warning(DiagnosticCodes.SecretNotFound, $"{path}.secretName", $"Secret {ingress.Namespace}/{tls.SecretName} not found (yet); no ssl for this entry");
            return;
        }

        if (!ApisixTlsTranslator.CheckTlsSecretType(secret, $"{path}.secretName", scope) ||
            SecretResolver.CertificatePair(secret, $"{path}.secretName", scope) is not { } pair ||
            !CertificateInspector.Check(pair.Cert, pair.Key, tls.Hosts, $"{path}.secretName", $"{secret.Namespace}/{secret.Name}", scope))
        {
            return;
        }

        var snis = tls.Hosts.Select(h => h.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToArray();
        if (snis.Length == 0)
        {
            snis = CertificateInspector.SubjectNames(pair.Cert);
        }

        scope.Ssls.Add(new Ssl
        {
            Id = IdGenerator.GenId($"Ingress_{ingress.Namespace}_{ingress.Name}_{index}"),
            Snis = snis,
            Cert = pair.Cert,
            Key = pair.Key,
            Status = 1,
            Labels = ManagedLabels.ManagedBy.SetItem("meta_secret_namespace", secret.Namespace).SetItem("meta_secret_name", secret.Name),
        });
    }
}
