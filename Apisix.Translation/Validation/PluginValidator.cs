using System.Text.Json.Nodes;

namespace Apisix.Translation.Validation;

/// <summary>
/// Checks one plugin config as APISIX 3.x does before it accepts it: the plugin must exist (embedded,
/// supplied by the user, or allowed by name), the config must pass its schema with <c>_meta</c> injected and
/// then the plugin's extra checks, and code-executing features must be allowed by policy.
/// </summary>
public static class PluginValidator
{
    /// <summary>The plugins that run code in the gateway, denied unless the policy allows them.</summary>
    public static IReadOnlySet<string> CodeExecutingPlugins { get; } = new HashSet<string>(StringComparer.Ordinal) { "serverless-pre-function", "serverless-post-function" };

    private static readonly JsonObject MetaSchema = (JsonObject)JsonNode.Parse("""
        {
          "type": "object",
          "properties": {
            "disable": { "type": "boolean" },
            "priority": { "type": "integer" },
            "filter": { "type": "array" },
            "error_response": { "type": ["string", "object"] },
            "pre_function": { "type": "string", "x-since": "3.12" }
          },
          "additionalProperties": false
        }
        """)!;

    private static readonly JsonObject LenientMetaSchema = WithoutAdditionalProperties(MetaSchema);

    /// <summary>
    /// The problems of <paramref name="config"/> for <paramref name="plugin"/>, each with its field path under
    /// <paramref name="path"/> (e.g. <c>spec.http[0].plugins[2].config</c>).
    /// </summary>
    /// <param name="plugin">The plugin name.</param>
    /// <param name="config">The config (not changed).</param>
    /// <param name="path">The Kubernetes field path of the config.</param>
    /// <param name="namespace">The namespace of the object, for the code-execution policy.</param>
    /// <param name="options">Version, policy and custom plugins.</param>
    /// <param name="consumer">Check against the plugin's consumer schema (for ApisixConsumer).</param>
    public static IReadOnlyList<PluginProblem> Validate(string plugin, JsonNode? config, string path, string? @namespace, ValidationOptions options, bool consumer = false)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        ArgumentNullException.ThrowIfNull(options);
        return ValidateOwned(plugin, config?.DeepClone(), path, @namespace, options, consumer);
    }

    /// <summary>
    /// As <see cref="Validate"/>, on a config the caller hands over: APISIX's defaults are written into it.
    /// Spares a copy where the caller made the config for this call. With <paramref name="metadata"/>, the
    /// config is the plugin's plugin_metadata: only the plugin's metadata schema applies (none: any object).
    /// </summary>
    internal static IReadOnlyList<PluginProblem> ValidateOwned(string plugin, JsonNode? config, string path, string? @namespace, ValidationOptions options, bool consumer = false, bool metadata = false)
    {
        var problems = new List<PluginProblem>();
        if (CodeExecutingPlugins.Contains(plugin) && !metadata && !options.AllowsCodeIn(@namespace))
        {
            problems.Add(new PluginProblem(path, "CodeExecutionDenied", $"{plugin} runs code in the gateway and is denied by policy; allow it with --allow-code-execution (CLI) or for this namespace in the webhook/controller configuration"));
        }

        if (!metadata && (config as JsonObject)?["_meta"] is JsonObject givenMeta && givenMeta.ContainsKey("pre_function") && !options.AllowsCodeIn(@namespace))
        {
            problems.Add(new PluginProblem(Join(path, "_meta.pre_function"), "CodeExecutionDenied", "_meta.pre_function runs code in the gateway and is denied by policy; allow it with --allow-code-execution or for this namespace"));
        }

        var schema = Find(plugin, options, out var schemaError);
        if (schemaError is not null)
        {
            problems.Add(new PluginProblem(path, DiagnosticCodes.InvalidPluginConfig, schemaError));
            return problems;
        }

        if (schema is null)
        {
            if (!options.AllowedPlugins.Contains(plugin))
            {
                // Some plugins live in plugin_metadata alone (error-log-logger) and have no embedded schema: a warning there.
                problems.Add(new PluginProblem(path, "UnknownPlugin", $"{plugin} is not a plugin of APISIX {options.Version}; give its schema (--plugin-schemas DIR) or allow it by name if your APISIX has it", metadata ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error));
            }

            return problems;
        }

        if (schema.Since is { } since && ApisixVersion.TryParse(since, out var first) && options.Version < first)
        {
            problems.Add(new PluginProblem(path, DiagnosticCodes.InvalidPluginConfig, $"{plugin} is not in APISIX before {first}"));
            return problems;
        }

        var copy = config ?? new JsonObject();
        var evaluator = new SchemaEvaluator(options.Version, plugin);
        var target = metadata ? schema.MetadataSchema : consumer ? schema.ConsumerSchema ?? schema.Schema : schema.Schema;
        if (target is null)
        {
            return problems;
        }

        var findings = evaluator.Validate(copy, target);
        if (!metadata && copy is JsonObject configObject)
        {
            if (configObject["_meta"] is { } meta)
            {
                // Unknown _meta keys were accepted before 3.12.
                var metaSchema = options.Version >= new ApisixVersion(3, 12) ? MetaSchema : LenientMetaSchema;
                foreach (var finding in evaluator.Validate(meta, metaSchema))
                {
                    findings.Add(finding with { Path = Join("_meta", finding.Path) });
                }
                // The generic checker compiles _meta.filter and _meta.pre_function whether or not the plugin is disabled.
                if (meta is JsonObject metaObject && metaObject["filter"] is { } filter && ExprShape.Problem(filter) is { } filterProblem)
                {
                    problems.Add(new PluginProblem(Join(path, "_meta.filter"), DiagnosticCodes.InvalidPluginConfig, filterProblem));
                }

                if (meta is JsonObject withCode && withCode["pre_function"]?.GetValueKind() == System.Text.Json.JsonValueKind.String &&
                    PluginChecks.LuaProblem(withCode["pre_function"]!.GetValue<string>(), mustReturnFunction: false, options.Lua) is { } codeProblem)
                {
                    problems.Add(new PluginProblem(Join(path, "_meta.pre_function"), DiagnosticCodes.InvalidPluginConfig, codeProblem));
                }
            }

            var schemaPassed = !HasError(findings);
            if (schemaPassed && consumer)
            {
                PluginChecks.RunConsumer(plugin, configObject, findings, options.Version);
            }
            else if (schemaPassed)
            {
                foreach (var check in schema.Checks)
                {
                    PluginChecks.Run(check, configObject, findings, options.Lua, options.Version);
                }
            }
        }

        // 3.18 accepts a plugin that fails its own checks when it is disabled, with a warning.
        var disabled = !metadata && options.Version >= new ApisixVersion(3, 18) && JsonValues.Bool(((copy as JsonObject)?["_meta"] as JsonObject)?["disable"]) == true;
        foreach (var finding in findings)
        {
            if (finding.IsWarning)
            {
                problems.Add(new PluginProblem(Join(path, finding.Path), DiagnosticCodes.Suspicious, finding.Message, DiagnosticSeverity.Warning));
            }
        }

        foreach (var finding in findings)
        {
            if (finding.IsWarning)
            {
                continue;
            }

            problems.Add(disabled
                ? new PluginProblem(Join(path, finding.Path), "DisabledPluginInvalid", finding.Message + " (accepted because the plugin is disabled)", DiagnosticSeverity.Warning)
                : new PluginProblem(Join(path, finding.Path), DiagnosticCodes.InvalidPluginConfig, finding.Message));
        }

        return problems;
    }

    /// <summary>True when <paramref name="plugin"/> is known (embedded or supplied) for these options.</summary>
    public static bool IsKnown(string plugin, ValidationOptions options) => Find(plugin, options, out _) is not null;

    private static PluginSchema? Find(string plugin, ValidationOptions options, out string? error)
    {
        error = null;
        if (options.ExtraSchemas.TryGetValue(plugin, out var json))
        {
            // Parsed once per text, like the embedded ones, so that their compiled form is reused too.
            var (schema, problem) = SuppliedSchemas.GetOrAdd((plugin, json), static key => (PluginSchema.Parse(key.Name, key.Json, out var parseError), parseError));
            if (SuppliedSchemas.Count > MaxSuppliedSchemas)
            {
                SuppliedSchemas.Clear();
            }

            error = problem;
            return schema;
        }

        return PluginSchemaRegistry.Find(plugin);
    }

    /// <summary>Supplied schemas kept parsed; the cache starts over past this many, so it stays bounded.</summary>
    private const int MaxSuppliedSchemas = 512;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Name, string Json), (PluginSchema? Schema, string? Error)> SuppliedSchemas = new();

    private static JsonObject WithoutAdditionalProperties(JsonObject schema)
    {
        var copy = (JsonObject)schema.DeepClone();
        copy.Remove("additionalProperties");
        return copy;
    }

    private static bool HasError(List<SchemaFinding> findings)
    {
        foreach (var finding in findings)
        {
            if (!finding.IsWarning)
            {
                return true;
            }
        }

        return false;
    }

    private static string Join(string path, string child) => child.Length == 0 ? path : child.StartsWith('[') ? path + child : $"{path}.{child}";
}
