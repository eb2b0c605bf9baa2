using Apisix.Translation.Crds;

namespace Apisix.Translation.Translators;

/// <summary>
/// Checks a reference to an ApisixPluginConfig. 1.x only synced a route once its plugin_config existed;
/// offline, a name that matches no ApisixPluginConfig in the snapshot is an error, so the route is never
/// applied pointing nowhere.
/// </summary>
internal static class PluginConfigReference
{
    /// <summary>The plugin_config id for the reference (checked; errors go to <paramref name="scope"/>).</summary>
    public static string Check(string @namespace, string name, string path, TranslationContext context, ObjectScope scope)
    {
        var pluginConfig = context.Input.Get<ApisixPluginConfig>("ApisixPluginConfig", @namespace, name);
        if (pluginConfig is null || !context.Options.SelectsCrd(pluginConfig.IngressClassName))
        {
            scope.Error(DiagnosticCodes.DependencyInvalid, path, $"ApisixPluginConfig {@namespace}/{name} not found");
        }
        else if (context.IsInvalid(pluginConfig.Ref))
        {
            scope.Error(DiagnosticCodes.DependencyInvalid, path, $"{pluginConfig.Ref} has errors; fix it first");
        }

        return IdGenerator.GenId($"{@namespace}_{name}");
    }
}
