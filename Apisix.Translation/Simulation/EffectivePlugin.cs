namespace Apisix.Translation.Simulation;

/// <summary>A plugin that runs for the request.</summary>
/// <param name="Name">The plugin name.</param>
/// <param name="Source">route, plugin_config/{id} or global_rule/{id}.</param>
/// <param name="Config">Its config.</param>
public sealed record EffectivePlugin(string Name, string Source, JsonBlob Config);
