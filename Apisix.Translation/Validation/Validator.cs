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
/// the code-execution policy, and every translated object against APISIX's core object schemas.
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
        var groups = new LimitCountGroups();

        foreach (var route in input.All<ApisixRoute>().Where(r => translation.SelectsCrd(r.IngressClassName)))
        {
            for (var i = 0; i < route.Http.Count; i++)
            {
                var rule = route.Http[i];
                Plugins(route, rule.Plugins, $"spec.http[{i}].plugins", input, options, groups, diagnostics);
                if (rule.Match.FilterFunc is not null && !options.AllowsCodeIn(route.Namespace))
                {
                    Add(diagnostics, route, $"spec.http[{i}].match.filter_func", "CodeExecutionDenied", "filter_func runs Lua in the gateway and is denied by policy; allow it with --allow-code-execution or for this namespace", DiagnosticSeverity.Error);
                }
            }

            for (var i = 0; i < route.Stream.Count; i++)
            {
                Plugins(route, route.Stream[i].Plugins, $"spec.stream[{i}].plugins", input, options, groups, diagnostics);
            }
        }

        foreach (var pluginConfig in input.All<ApisixPluginConfig>().Where(p => translation.SelectsCrd(p.IngressClassName)))
        {
            Plugins(pluginConfig, pluginConfig.Plugins, "spec.plugins", input, options, groups, diagnostics);
        }

        foreach (var globalRule in input.All<ApisixGlobalRule>().Where(g => translation.SelectsCrd(g.IngressClassName)))
        {
            Plugins(globalRule, globalRule.Plugins, "spec.plugins", input, options, groups, diagnostics);
        }

        foreach (var consumer in input.All<ApisixConsumer>().Where(c => translation.SelectsCrd(c.IngressClassName)))
        {
            Plugins(consumer, consumer.Plugins, "spec.plugins", input, options, groups, diagnostics);
            Credentials(consumer, result, options, diagnostics);
        }

        foreach (var ingress in input.All<Ingress>())
        {
            AnnotationPlugins(ingress, result, options, diagnostics);
        }

        foreach (var metadata in result.Configuration.PluginMetadata)
        {
            MetadataSchema(metadata, input, result, options, diagnostics);
        }

        SchemaRules(input, diagnostics);

        // After the CRD rules, so that a bad value they report already is not reported again.
        var core = new OncePerField(diagnostics);
        CoreObjectRules.Check(result, input, options, translation, (owner, path, message) => core.Error(owner, path, DiagnosticCodes.ApisixSchemaViolation, message));
        return diagnostics.ToImmutable();
    }

    private static void Plugins(KubernetesObject owner, EquatableArray<ApisixPlugin> plugins, string path, TranslationInput input, ValidationOptions options, LimitCountGroups groups, ImmutableArray<Diagnostic>.Builder diagnostics)
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

            var problems = PluginValidator.ValidateOwned(plugin.Name, config, $"{path}[{k}].config", owner.Namespace, options);
            foreach (var problem in problems)
            {
                Add(diagnostics, owner, problem.Path, problem.Code, problem.Message, problem.Severity);
            }

            if (problems.Count == 0 && groups.Mismatch(plugin.Name, config, owner, $"{path}[{k}].config") is { } earlier)
            {
                Add(diagnostics, owner, $"{path}[{k}].config.group", DiagnosticCodes.InvalidPluginConfig, $"limit-count group {config["group"]!.ToJsonString()} is configured differently at {earlier}; APISIX refuses a group whose configs differ (group conf mismatched)", DiagnosticSeverity.Error);
            }
        }
    }

    /// <summary>
    /// limit-count configs that share a <c>group</c> share one counter, so APISIX refuses a config whose fields
    /// (with its defaults) differ from the group's first ("group conf mismatched"). The first valid config of
    /// each group is remembered, with where it is.
    /// </summary>
    private sealed class LimitCountGroups
    {
        private Dictionary<string, (JsonNode Config, string Where)>? _first;

        /// <summary>Where the group's first, different config is; null when this one agrees or starts the group.</summary>
        public string? Mismatch(string plugin, JsonNode? config, KubernetesObject owner, string path)
        {
            if (plugin != "limit-count" || config is not JsonObject { } fields || fields["group"]?.GetValueKind() != System.Text.Json.JsonValueKind.String)
            {
                return null;
            }

            var group = fields["group"]!.GetValue<string>();
            _first ??= new(StringComparer.Ordinal);
            if (!_first.TryGetValue(group, out var first))
            {
                _first[group] = (config, $"{owner.Ref} {path}");
                return null;
            }

            return SameSettings((JsonObject)first.Config, fields) ? null : first.Where;
        }

        /// <summary>
        /// Equal in every field but <c>_meta</c>: APISIX compares the fields of limit-count's own schema, which
        /// <c>_meta</c> (injected into every plugin's schema later) is not one of.
        /// </summary>
        private static bool SameSettings(JsonObject first, JsonObject other)
        {
            foreach (var (name, value) in first)
            {
                if (name != "_meta" && !(other.TryGetPropertyValue(name, out var otherValue) && JsonNode.DeepEquals(value, otherValue)))
                {
                    return false;
                }
            }

            foreach (var (name, _) in other)
            {
                if (name != "_meta" && !first.ContainsKey(name))
                {
                    return false;
                }
            }

            return true;
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
            Folded(ingress, annotations, name, PluginValidator.ValidateOwned(name, config.CloneNode(), annotations, ingress.Namespace, options), diagnostics);
        }
    }

    /// <summary>
    /// A plugin_metadata entry against its plugin's metadata schema, on the ConfigMap it was read from. The
    /// entry is YAML text in one ConfigMap key, so that key is the field and the plugin's field goes into the message.
    /// </summary>
    private static void MetadataSchema(Config.PluginMetadata metadata, TranslationInput input, TranslationResult result, ValidationOptions options, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        if (result.Owners.Find("plugin_metadata", metadata.Id) is not { } owner || input.Get<KubernetesObject>(owner.Kind, owner.Namespace, owner.Name) is not { } configMap)
        {
            return;
        }

        const string text = "data[config.yaml]";
        Folded(configMap, text, $"plugin_metadata {metadata.Id}", PluginValidator.ValidateOwned(metadata.Id, metadata.Metadata.CloneNode(), text, configMap.Namespace, options, metadata: true), diagnostics);
    }

    /// <summary>Findings about a plugin config that has no field path of its own: all at <paramref name="path"/>, each naming the plugin's field in its message.</summary>
    private static void Folded(KubernetesObject owner, string path, string plugin, IReadOnlyList<PluginProblem> problems, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        foreach (var problem in problems)
        {
            var field = problem.Path.Length > path.Length ? $"{plugin}{problem.Path[path.Length..]}" : plugin;
            Add(diagnostics, owner, path, problem.Code, $"{field}: {problem.Message}", problem.Severity);
        }
    }

    /// <summary>
    /// The CRD schema rules, for what the API server would refuse. A field the translation already reported
    /// is not reported twice.
    /// </summary>
    private static void SchemaRules(TranslationInput input, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        var crd = new OncePerField(diagnostics);
        foreach (var item in input.Objects.Where(o => o is ApisixRoute or ApisixUpstream or ApisixTls or ApisixConsumer or ApisixPluginConfig or ApisixGlobalRule or ApisixClusterConfig || Translation.Crds.V1Alpha1.V1Alpha1Kinds.Contains(o)))
        {
            foreach (var (path, message) in Crds.CrdRules.Check(item))
            {
                crd.Error(item, path, DiagnosticCodes.SchemaViolation, message);
            }
        }
    }

    /// <summary>
    /// Adds the errors of one kind of check, leaving out a field of an object that already had an error when the
    /// check began (from the translation or an earlier check): one finding per bad value.
    /// </summary>
    private sealed class OncePerField(ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        private HashSet<(ObjectRef, string)>? _reported;

        public void Error(KubernetesObject owner, string path, string code, string message)
        {
            // Made at the first finding: most objects have none.
            _reported ??= diagnostics.Where(d => d.Object is not null && d.IsError).Select(d => (d.Object!, d.Path)).ToHashSet();
            // Added to as well: one bad value may reach several outputs (a label on every route of an object).
            if (_reported.Add((owner.Ref, path)))
            {
                Add(diagnostics, owner, path, code, message, DiagnosticSeverity.Error);
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
