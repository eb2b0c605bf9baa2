using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Apisix.Translation.Crds;
using Apisix.Translation.Kubernetes;
using Apisix.Translation.Networking;
using Apisix.Translation.Translators;

namespace Apisix.Translation.Validation;

/// <summary>
/// Everything APISIX and the API server would refuse, offline: the translation's own findings, every plugin
/// config against its APISIX schema and extra checks (with the Kubernetes field path of the offending value),
/// and the code-execution policy.
/// </summary>
public static class Validator
{
    /// <summary>Validates every object of <paramref name="input"/> this controller serves.</summary>
    public static ImmutableArray<Diagnostic> Validate(TranslationInput input, ValidationOptions? options = null, TranslationOptions? translation = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= ValidationOptions.Default;
        translation ??= TranslationOptions.Default;
        var result = Translator.Translate(input, translation);
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        diagnostics.AddRange(result.Diagnostics);

        foreach (var route in input.All<ApisixRoute>().Where(r => translation.SelectsCrd(r.IngressClassName)))
        {
            for (var i = 0; i < route.Http.Count; i++)
            {
                var rule = route.Http[i];
                Plugins(route, rule.Plugins, $"spec.http[{i}].plugins", input, options, diagnostics);
                if (rule.Match.FilterFunc is not null && !options.AllowsCodeIn(route.Namespace))
                {
                    Add(diagnostics, route, $"spec.http[{i}].match.filter_func", "CodeExecutionDenied", "filter_func runs Lua in the gateway and is denied by policy; allow it with --allow-code-execution or for this namespace", DiagnosticSeverity.Error);
                }
            }

            for (var i = 0; i < route.Stream.Count; i++)
            {
                Plugins(route, route.Stream[i].Plugins, $"spec.stream[{i}].plugins", input, options, diagnostics);
            }
        }

        foreach (var pluginConfig in input.All<ApisixPluginConfig>().Where(p => translation.SelectsCrd(p.IngressClassName)))
        {
            Plugins(pluginConfig, pluginConfig.Plugins, "spec.plugins", input, options, diagnostics);
        }

        foreach (var globalRule in input.All<ApisixGlobalRule>().Where(g => translation.SelectsCrd(g.IngressClassName)))
        {
            Plugins(globalRule, globalRule.Plugins, "spec.plugins", input, options, diagnostics);
        }

        foreach (var consumer in input.All<ApisixConsumer>().Where(c => translation.SelectsCrd(c.IngressClassName)))
        {
            Plugins(consumer, consumer.Plugins, "spec.plugins", input, options, diagnostics);
            Credentials(consumer, result, options, diagnostics);
        }

        foreach (var ingress in input.All<Ingress>())
        {
            AnnotationPlugins(ingress, result, options, diagnostics);
        }

        SchemaRules(input, diagnostics);
        return diagnostics.ToImmutable();
    }

    private static void Plugins(KubernetesObject owner, EquatableArray<ApisixPlugin> plugins, string path, TranslationInput input, ValidationOptions options, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        for (var k = 0; k < plugins.Count; k++)
        {
            var plugin = plugins[k];
            if (!plugin.Enable || plugin.Name.Length == 0)
            {
                continue;
            }

            var config = plugin.Config?.CloneNode() ?? new JsonObject();
            if (config is JsonObject merged && plugin.SecretRef is { } secretName && input.Get<Secret>("Secret", owner.Namespace, secretName) is { } secret)
            {
                foreach (var (key, value) in secret.Data)
                {
                    PluginTranslator.SetDotted(merged, key, value);
                }
            }

            foreach (var problem in PluginValidator.ValidateOwned(plugin.Name, config, $"{path}[{k}].config", owner.Namespace, options))
            {
                Add(diagnostics, owner, problem.Path, problem.Code, problem.Message, problem.Severity);
            }
        }
    }

    /// <summary>The consumer's auth plugin (as translated, Secret values included) against the plugin's consumer schema.</summary>
    private static void Credentials(ApisixConsumer consumer, TranslationResult result, ValidationOptions options, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        var translated = result.Configuration.Consumers.FirstOrDefault(c => c.Username == ApisixConsumerTranslator.Username(consumer.Namespace, consumer.Name));
        var method = ApisixConsumerTranslator.Precedence.FirstOrDefault(consumer.AuthParameter.ContainsKey);
        if (translated?.Plugins is not { } plugins || method is null)
        {
            return;
        }

        var plugin = ConsumerAuthTranslator.PluginName(method);
        if (plugins.TryGetValue(plugin, out var config))
        {
            foreach (var problem in PluginValidator.ValidateOwned(plugin, config.CloneNode(), $"spec.authParameter.{method}", consumer.Namespace, options, consumer: true))
            {
                Add(diagnostics, consumer, problem.Path, problem.Code, problem.Message, problem.Severity);
            }
        }
    }

    /// <summary>The plugins an Ingress's annotations produce, checked once per Ingress.</summary>
    private static void AnnotationPlugins(Ingress ingress, TranslationResult result, ValidationOptions options, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        var route = result.Configuration.Routes.FirstOrDefault(r => result.Owners.Find("routes", r.Id) == ingress.Ref);
        foreach (var (name, config) in route?.Plugins ?? EquatableMap<JsonBlob>.Empty)
        {
            // The annotations are the field; the plugin's own field goes into the message.
            const string annotations = "metadata.annotations";
            foreach (var problem in PluginValidator.ValidateOwned(name, config.CloneNode(), annotations, ingress.Namespace, options))
            {
                var field = problem.Path.Length > annotations.Length ? $"{name}{problem.Path[annotations.Length..]}" : name;
                Add(diagnostics, ingress, annotations, problem.Code, $"{field}: {problem.Message}", problem.Severity);
            }
        }
    }

    /// <summary>
    /// The CRD schema rules, for what the API server would refuse. A field the translation already reported
    /// is not reported twice.
    /// </summary>
    private static void SchemaRules(TranslationInput input, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        HashSet<(ObjectRef, string)>? reported = null;
        foreach (var item in input.Objects.Where(o => o is ApisixRoute or ApisixUpstream or ApisixTls or ApisixConsumer or ApisixPluginConfig or ApisixGlobalRule or ApisixClusterConfig || Translation.Crds.V1Alpha1.V1Alpha1Kinds.Contains(o)))
        {
            foreach (var (path, message) in Crds.CrdRules.Check(item))
            {
                // Made at the first finding: most objects have none.
                reported ??= diagnostics.Where(d => d.Object is not null && d.IsError).Select(d => (d.Object!, d.Path)).ToHashSet();
                if (!reported.Contains((item.Ref, path)))
                {
                    Add(diagnostics, item, path, DiagnosticCodes.SchemaViolation, message, DiagnosticSeverity.Error);
                }
            }
        }
    }

    private static void Add(ImmutableArray<Diagnostic>.Builder diagnostics, KubernetesObject owner, string path, string code, string message, DiagnosticSeverity severity)
    {
        var line = owner.Lines?.LineOf(path);
        var location = owner.Source is { } source && line is { } found ? source with { Line = found } : owner.Source;
        diagnostics.Add(new Diagnostic(severity, code, owner.Ref, path, message) { Location = location });
    }
}
