using System.Text.Json;
using System.Text.Json.Nodes;
using Apisix.Translation.Crds;
using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.Translators;

/// <summary>
/// Turns CRD plugin items into an APISIX <c>plugins</c> map (reference §2.4.3): enabled items only, in
/// order, a later item of the same name overriding an earlier one; <c>secretRef</c> keys merged into the
/// config with dots making nested objects and the Secret winning.
/// </summary>
internal static class PluginTranslator
{
    public static EquatableMap<JsonBlob> Translate(EquatableArray<ApisixPlugin> plugins, string @namespace, LazyPath path, TranslationContext context, ObjectScope scope)
    {
        if (plugins.IsEmpty)
        {
            return EquatableMap<JsonBlob>.Empty;
        }

        if (plugins.Count == 1)
        {
            // The common case: one plugin, no list to build.
            var only = plugins[0];
            return only.Enable && only.Name.Length > 0 && BuildConfig(only, @namespace, path, 0, context, scope) is { } config
                ? EquatableMap<JsonBlob>.Single(only.Name, config)
                : EquatableMap<JsonBlob>.Empty;
        }

        var result = new List<KeyValuePair<string, JsonBlob>>(plugins.Count);
        for (var i = 0; i < plugins.Count; i++)
        {
            var plugin = plugins[i];
            if (!plugin.Enable || plugin.Name.Length == 0)
            {
                continue;
            }

            var config = BuildConfig(plugin, @namespace, path, i, context, scope);
            if (config is not null)
            {
                result.Add(new(plugin.Name, config));
            }
        }

        return EquatableMap<JsonBlob>.From(result);
    }

    private static JsonBlob? BuildConfig(ApisixPlugin plugin, string @namespace, LazyPath plugins, int index, TranslationContext context, ObjectScope scope)
    {
        // Only a finding needs the path written out.
        string At(string field) => $"{plugins}[{index}].{field}";
        if (plugin.Config is null)
        {
            if (plugin.SecretRef is not null)
            {
                scope.Warning(DiagnosticCodes.Suspicious, At("secretRef"), "is ignored because the plugin has no config (as in 1.x); write config: {} to merge the Secret");
            }

            return JsonBlob.EmptyObject;
        }

        if (plugin.Config.ValueKind != JsonValueKind.Object)
        {
            scope.Error(DiagnosticCodes.InvalidPluginConfig, At("config"), $"must be an object, got {plugin.Config.ValueKind.ToString().ToLowerInvariant()}");
            return null;
        }

        if (plugin.SecretRef is null)
        {
            return plugin.Config;
        }

        var secret = context.Input.Get<Secret>("Secret", @namespace, plugin.SecretRef);
        if (secret is null)
        {
            // 1.x silently dropped this plugin and all after it; we refuse the object instead (deviation 3).
            scope.Error(DiagnosticCodes.SecretNotFound, At("secretRef"), $"Secret {@namespace}/{plugin.SecretRef} not found");
            return null;
        }

        var merged = (JsonObject)plugin.Config.CloneNode()!;
        foreach (var (key, value) in secret.Data)
        {
            SetDotted(merged, key, value);
        }

        return new JsonBlob(merged);
    }

    /// <summary>Writes <paramref name="value"/> at the dotted <paramref name="key"/>, creating (or replacing non-object) parents.</summary>
    internal static void SetDotted(JsonObject target, string key, string value)
    {
        var parts = key.Split('.');
        var current = target;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (current[parts[i]] is not JsonObject child)
            {
                child = new JsonObject();
                current[parts[i]] = child;
            }

            current = child;
        }

        current[parts[^1]] = JsonValue.Create(value);
    }
}
