using System.Text.Json.Nodes;
using Apisix.Translation.Config;
using Apisix.Translation.Crds;
using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.Translators;

/// <summary>
/// An ApisixConsumer to a consumer (reference §2.11): username <c>{ns}_{name}</c> with <c>-</c> made
/// <c>_</c>, one auth method by the 1.x precedence, then the 2.x <c>spec.plugins</c> on top.
/// </summary>
internal static class ApisixConsumerTranslator
{
    /// <summary>The 1.x precedence when several methods are set.</summary>
    public static readonly string[] Precedence = ["keyAuth", "basicAuth", "jwtAuth", "wolfRBAC", "hmacAuth", "ldapAuth"];

    public static void Translate(ApisixConsumer consumer, TranslationContext context, ObjectScope scope)
    {
        var methods = Precedence.Where(consumer.AuthParameter.ContainsKey).ToList();
        if (methods.Count == 0 && consumer.Plugins.IsEmpty)
        {
            scope.Error(DiagnosticCodes.RequiredField, "spec.authParameter", $"one auth method is required ({string.Join(", ", Precedence)})");
            return;
        }

        if (methods.Count > 1)
        {
            scope.Warning(DiagnosticCodes.Suspicious, "spec.authParameter", $"{string.Join(" and ", methods)} are {(methods.Count == 2 ? "both" : "all")} set; only {methods[0]} is used (a consumer has one auth method; precedence {string.Join(", ", Precedence)})");
        }

        var plugins = EquatableMap<JsonBlob>.Empty;
        if (methods.Count > 0)
        {
            var method = methods[0];
            var config = TranslateMethod(consumer, method, consumer.AuthParameter[method], $"spec.authParameter.{method}", context, scope);
            if (config is not null)
            {
                plugins = plugins.SetItem(ConsumerAuthTranslator.PluginName(method), new JsonBlob(config));
            }
        }

        foreach (var (name, config) in PluginTranslator.Translate(consumer.Plugins, consumer.Namespace, "spec.plugins", context, scope))
        {
            plugins = plugins.SetItem(name, config);
        }

        scope.Consumers.Add(new Consumer
        {
            Username = Username(consumer.Namespace, consumer.Name),
            Desc = ManagedLabels.Description,
            Labels = ManagedLabels.With(consumer.Metadata.Labels),
            Plugins = plugins.IsEmpty ? null : plugins,
        });
    }

    /// <summary>The 1.x consumer username: <c>{ns}_{name}</c> with every <c>-</c> replaced by <c>_</c>.</summary>
    public static string Username(string @namespace, string name) => $"{@namespace.Replace('-', '_')}_{name.Replace('-', '_')}";

    private static JsonObject? TranslateMethod(ApisixConsumer consumer, string method, ConsumerAuth auth, string path, TranslationContext context, ObjectScope scope)
    {
        if (auth.Value is not null && auth.SecretRef is not null)
        {
            scope.Error(DiagnosticCodes.InvalidValue, path, "value and secretRef are exclusive; set one");
            return null;
        }

        ConsumerCredentialReader reader;
        if (auth.SecretRef is not null)
        {
            var secret = SecretResolver.Resolve(consumer.Ref, SecretResolver.ApisixGroup, null, auth.SecretRef, $"{path}.secretRef", context, scope);
            if (secret is null || !CheckSecretType(secret, $"{path}.secretRef", scope))
            {
                return null;
            }

            reader = ConsumerCredentialReader.ForSecret(secret, path, scope);
        }
        else if (auth.Value?.CloneNode() is JsonObject value)
        {
            reader = ConsumerCredentialReader.ForValue(value, path, scope);
        }
        else if (auth.Value is not null)
        {
            scope.Error(DiagnosticCodes.WrongType, $"{path}.value", $"must be an object, got {auth.Value.ValueKind.ToString().ToLowerInvariant()}");
            return null;
        }
        else if (method == "wolfRBAC")
        {
            return new JsonObject();
        }
        else
        {
            scope.Error(DiagnosticCodes.RequiredField, path, "value or secretRef is required");
            return null;
        }

        var errorsBefore = scope.Diagnostics.Count(d => d.IsError);
        var config = ConsumerAuthTranslator.Translate(method, reader);
        return scope.Diagnostics.Count(d => d.IsError) > errorsBefore ? null : config;
    }

    private static bool CheckSecretType(Secret secret, string path, ObjectScope scope)
    {
        if (secret.Type is "Opaque" or "kubernetes.io/basic-auth" or "")
        {
            return true;
        }

        scope.Error(DiagnosticCodes.InvalidValue, path, $"Secret {secret.Namespace}/{secret.Name} is of type {secret.Type}; credentials must be in an Opaque (or kubernetes.io/basic-auth) Secret");
        return false;
    }
}
