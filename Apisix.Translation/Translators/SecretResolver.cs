using Apisix.Translation.GatewayApi;
using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.Translators;

/// <summary>
/// Finds the Secret an object refers to, enforcing the namespace rule (deviation 8): the same namespace,
/// a ReferenceGrant in the Secret's namespace, or the option that allows all.
/// </summary>
internal static class SecretResolver
{
    public const string ApisixGroup = "apisix.apache.org";

    /// <summary>The Secret, or null after reporting why not at <paramref name="path"/>.</summary>
    public static Secret? Resolve(ObjectRef from, string fromGroup, string? secretNamespace, string secretName, string path, TranslationContext context, ObjectScope scope)
    {
        var fromNamespace = from.Namespace ?? string.Empty;
        var targetNamespace = string.IsNullOrEmpty(secretNamespace) ? fromNamespace : secretNamespace;
        if (targetNamespace != fromNamespace && !context.Options.AllowCrossNamespaceSecrets &&
            !context.Input.All<ReferenceGrant>().Any(g => g.Namespace == targetNamespace && g.Allows(fromGroup, from.Kind, fromNamespace, string.Empty, "Secret", secretName)))
        {
            scope.Error(DiagnosticCodes.RefNotPermitted, path, $"Secret {targetNamespace}/{secretName} is in another namespace and no ReferenceGrant in {targetNamespace} allows {from.Kind} from {fromNamespace} to use it");
            return null;
        }

        var secret = context.Input.Get<Secret>("Secret", targetNamespace, secretName);
        if (secret is null)
        {
            scope.Error(DiagnosticCodes.SecretNotFound, path, $"Secret {targetNamespace}/{secretName} not found");
        }

        return secret;
    }

    /// <summary>
    /// A certificate and key from a Secret: APISIX style (<c>cert</c>/<c>key</c>) first, then Kubernetes TLS
    /// style (<c>tls.crt</c>/<c>tls.key</c>). Null after reporting which key is missing (never a value).
    /// </summary>
    public static (string Cert, string Key)? CertificatePair(Secret secret, string path, ObjectScope scope)
    {
        var (certKey, keyKey) = secret.Data.ContainsKey("cert") ? ("cert", "key")
            : secret.Data.ContainsKey("tls.crt") ? ("tls.crt", "tls.key")
            : (null, null);
        if (certKey is null || keyKey is null)
        {
            scope.Error(DiagnosticCodes.InvalidSecret, path, $"Secret {secret.Namespace}/{secret.Name} has an unknown format: it needs keys cert and key, or tls.crt and tls.key");
            return null;
        }

        if (!secret.Data.TryGetValue(keyKey, out var key) || key.Length == 0)
        {
            scope.Error(DiagnosticCodes.InvalidSecret, path, $"Secret {secret.Namespace}/{secret.Name}: key `{keyKey}` is missing");
            return null;
        }

        return (secret.Data[certKey], key);
    }
}
