using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Apisix.Translation.Config;
using Apisix.Translation.Crds;
using Apisix.Translation.Kubernetes;
using Apisix.Translation.Manifests.Yaml;

namespace Apisix.Translation.Translators;

/// <summary>
/// The kinds that are a set of plugins (reference §2.12, §2.13): ApisixPluginConfig to a plugin_config,
/// ApisixGlobalRule and ApisixClusterConfig monitoring to global_rules, and the plugin-metadata
/// ConfigMap to plugin_metadata.
/// </summary>
internal static partial class PluginSetTranslator
{
    /// <summary>The APISIX admin key every install starts with; a config that still uses it is an open door.</summary>
    public const string DefaultAdminKey = "edd1c9f034335f136f87ad84b625c8f1";

    public static void TranslatePluginConfig(ApisixPluginConfig pluginConfig, TranslationContext context, ObjectScope scope)
    {
        var name = $"{pluginConfig.Namespace}_{pluginConfig.Name}";
        var plugins = PluginTranslator.Translate(pluginConfig.Plugins, pluginConfig.Namespace, "spec.plugins", context, scope);
        scope.PluginConfigs.Add(new PluginConfig
        {
            Id = IdGenerator.GenId(name),
            Name = name,
            Desc = ManagedLabels.Description,
            Labels = ManagedLabels.With(pluginConfig.Metadata.Labels),
            Plugins = plugins,
        });
    }

    public static void TranslateGlobalRule(ApisixGlobalRule globalRule, TranslationContext context, ObjectScope scope)
    {
        // 1.x ignored secretRef here; we merge it like everywhere else (see the README's differences).
        var plugins = PluginTranslator.Translate(globalRule.Plugins, globalRule.Namespace, "spec.plugins", context, scope);
        scope.GlobalRules.Add(new GlobalRule { Id = IdGenerator.GenId($"{globalRule.Namespace}_{globalRule.Name}"), Plugins = plugins });
    }

    public static void TranslateClusterConfig(ApisixClusterConfig clusterConfig, TranslationContext context, ObjectScope scope)
    {
        if (clusterConfig.AdminKey == DefaultAdminKey)
        {
            scope.Error(DiagnosticCodes.InvalidValue, "spec.admin.adminKey", "is the APISIX default admin key, which anyone can look up; generate a new key and set it in APISIX and here");
        }

        if (clusterConfig.AdminBaseUrl is { } baseUrl && !BaseUrlPattern().IsMatch(baseUrl))
        {
            scope.Error(DiagnosticCodes.InvalidValue, "spec.admin.baseURL", $"'{baseUrl}' must look like http(s)://host:port");
        }

        if (clusterConfig.Name != context.Options.ClusterName)
        {
            scope.Warning(DiagnosticCodes.Suspicious, "metadata.name", $"only the ApisixClusterConfig named '{context.Options.ClusterName}' is used; this one is ignored");
            return;
        }

        var plugins = EquatableMap<JsonBlob>.Empty;
        if (clusterConfig.PrometheusEnabled)
        {
            var prometheus = new JsonObject();
            if (clusterConfig.PrometheusPreferName is { } preferName)
            {
                prometheus["prefer_name"] = preferName;
            }

            plugins = plugins.SetItem("prometheus", new JsonBlob(prometheus));
        }

        if (clusterConfig.SkywalkingEnabled)
        {
            var skywalking = new JsonObject();
            if (clusterConfig.SkywalkingSampleRatio is { } ratio)
            {
                if (ratio is < 0.00001 or > 1)
                {
                    scope.Error(DiagnosticCodes.InvalidValue, "spec.monitoring.skywalking.sampleRatio", $"must be between 0.00001 and 1, got {ratio.ToString(CultureInfo.InvariantCulture)}");
                }

                skywalking["sample_ratio"] = ratio;
            }

            plugins = plugins.SetItem("skywalking", new JsonBlob(skywalking));
        }

        scope.GlobalRules.Add(new GlobalRule { Id = IdGenerator.GenId(clusterConfig.Name), Plugins = plugins });
    }

    /// <summary>True when the ConfigMap is the plugin-metadata one this controller reads.</summary>
    public static bool IsPluginMetadataSource(ConfigMap configMap, TranslationOptions options) =>
        configMap.Name == options.PluginMetadataConfigMap &&
        (options.ControllerNamespace is null || options.ControllerNamespace == configMap.Namespace);

    public static void TranslatePluginMetadata(ConfigMap configMap, TranslationContext context, ObjectScope scope)
    {
        const string basePath = "data[config.yaml]";
        if (!configMap.Data.TryGetValue("config.yaml", out var text))
        {
            scope.Error(DiagnosticCodes.RequiredField, basePath, "is required: a YAML list of {cluster, plugins: [{name, metadata}]}");
            return;
        }

        var documents = YamlDocumentParser.Parse(text);
        if (documents.FirstOrDefault(d => d.Error is not null) is { } broken)
        {
            scope.Error(DiagnosticCodes.MalformedManifest, basePath, $"line {broken.Line}: {broken.Error}");
            return;
        }

        var root = documents.FirstOrDefault()?.Root;
        if (root is null or YamlScalar { IsNull: true })
        {
            return;
        }

        if (YamlJsonConverter.ToJson(root, out var error) is not JsonArray clusters)
        {
            scope.Error(DiagnosticCodes.WrongType, basePath, error ?? "must be a YAML list of {cluster, plugins}");
            return;
        }

        for (var i = 0; i < clusters.Count; i++)
        {
            var path = $"{basePath}[{i}]";
            if (clusters[i] is not JsonObject cluster || cluster["cluster"]?.GetValueKind() != System.Text.Json.JsonValueKind.String)
            {
                scope.Error(DiagnosticCodes.WrongType, path, "must be an object with a string cluster and a plugins list");
                continue;
            }

            if (cluster["cluster"]!.GetValue<string>() != context.Options.ClusterName)
            {
                continue;
            }

            if (cluster["plugins"] is not JsonArray plugins)
            {
                scope.Error(DiagnosticCodes.WrongType, $"{path}.plugins", "must be a list of {name, metadata}");
                continue;
            }

            for (var j = 0; j < plugins.Count; j++)
            {
                var pluginPath = $"{path}.plugins[{j}]";
                if (plugins[j] is not JsonObject plugin || plugin["name"]?.GetValueKind() != System.Text.Json.JsonValueKind.String || plugin["name"]!.GetValue<string>().Length == 0)
                {
                    scope.Error(DiagnosticCodes.RequiredField, $"{pluginPath}.name", "a plugin name is required");
                    continue;
                }

                if (plugin["metadata"] is not JsonObject metadata)
                {
                    scope.Error(DiagnosticCodes.WrongType, $"{pluginPath}.metadata", "must be an object");
                    continue;
                }

                scope.PluginMetadata.Add(new PluginMetadata { Id = plugin["name"]!.GetValue<string>(), Metadata = new JsonBlob(metadata.DeepClone()) });
            }
        }
    }

    [GeneratedRegex(@"^https?://[^:]+:(\d+)")]
    private static partial Regex BaseUrlPattern();

}
