using System.Collections.Immutable;
using Apisix.Translation.Config;

namespace Apisix.Translation;

/// <summary>
/// Collects the outputs of every object. An object whose outputs would take an id another object already
/// holds is refused as a whole, with an error naming the holder.
/// </summary>
internal sealed class ConfigurationBuilder
{
    private readonly Dictionary<string, (Route Value, ObjectRef Owner)> _routes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Upstream Value, ObjectRef Owner)> _upstreams = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (StreamRoute Value, ObjectRef Owner)> _streamRoutes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Ssl Value, ObjectRef Owner)> _ssls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Consumer Value, ObjectRef Owner)> _consumers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (PluginConfig Value, ObjectRef Owner)> _pluginConfigs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (GlobalRule Value, ObjectRef Owner)> _globalRules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (PluginMetadata Value, ObjectRef Owner)> _pluginMetadata = new(StringComparer.Ordinal);
    private readonly List<Diagnostic> _diagnostics = [];

    /// <summary>Takes the scope's findings, and its outputs when it has no errors and no id clashes.</summary>
    public void Commit(ObjectScope scope)
    {
        if (!scope.HasErrors)
        {
            CheckClashes(scope, "route", scope.ProducedRoutes, r => r.Id, _routes, sharedIfEqual: false);
            CheckClashes(scope, "stream_route", scope.ProducedStreamRoutes, r => r.Id, _streamRoutes, sharedIfEqual: false);
            CheckClashes(scope, "ssl", scope.ProducedSsls, s => s.Id, _ssls, sharedIfEqual: false);
            CheckClashes(scope, "consumer", scope.ProducedConsumers, c => c.Username, _consumers, sharedIfEqual: false);
            CheckClashes(scope, "plugin_config", scope.ProducedPluginConfigs, p => p.Id, _pluginConfigs, sharedIfEqual: false);
            CheckClashes(scope, "global_rule", scope.ProducedGlobalRules, g => g.Id, _globalRules, sharedIfEqual: false);
            CheckClashes(scope, "plugin_metadata", scope.ProducedPluginMetadata, p => p.Id, _pluginMetadata, sharedIfEqual: false);

            // Routes of different objects share the upstream of a Service port: equal copies are one object.
            CheckClashes(scope, "upstream", scope.ProducedUpstreams, u => u.Id, _upstreams, sharedIfEqual: true);
        }

        if (!scope.HasErrors)
        {
            Add(scope, scope.ProducedRoutes, r => r.Id, _routes);
            Add(scope, scope.ProducedStreamRoutes, r => r.Id, _streamRoutes);
            Add(scope, scope.ProducedSsls, s => s.Id, _ssls);
            Add(scope, scope.ProducedConsumers, c => c.Username, _consumers);
            Add(scope, scope.ProducedPluginConfigs, p => p.Id, _pluginConfigs);
            Add(scope, scope.ProducedGlobalRules, g => g.Id, _globalRules);
            Add(scope, scope.ProducedPluginMetadata, p => p.Id, _pluginMetadata);
            Add(scope, scope.ProducedUpstreams, u => u.Id, _upstreams);
        }

        _diagnostics.AddRange(scope.Diagnostics);
    }

    /// <summary>Adds findings that belong to no single object.</summary>
    public void AddDiagnostics(IEnumerable<Diagnostic> diagnostics) => _diagnostics.AddRange(diagnostics);

    /// <summary>The configuration with every collection sorted by id, and the findings.</summary>
    public TranslationResult Build(IReadOnlyDictionary<string, ServiceBackendSource> upstreamSources)
    {
        var configuration = new ApisixConfiguration
        {
            Routes = Sorted(_routes),
            Upstreams = Sorted(_upstreams),
            StreamRoutes = Sorted(_streamRoutes),
            Ssls = Sorted(_ssls),
            Consumers = Sorted(_consumers),
            PluginConfigs = Sorted(_pluginConfigs),
            GlobalRules = Sorted(_globalRules),
            PluginMetadata = Sorted(_pluginMetadata),
            Services = EquatableArray<ApisixService>.Empty,
        };
        return new TranslationResult(configuration, [.. _diagnostics])
        {
            Owners = Owners(),
            UpstreamSources = EquatableMap<ServiceBackendSource>.From(upstreamSources.Where(p => _upstreams.ContainsKey(p.Key))),
        };
    }

    private OwnerIndex Owners()
    {
        static Func<string, ObjectRef?> Lookup<T>(Dictionary<string, (T Value, ObjectRef Owner)> items) =>
            id => items.TryGetValue(id, out var item) ? item.Owner : null;

        return new OwnerIndex(new Dictionary<string, Func<string, ObjectRef?>>(StringComparer.Ordinal)
        {
            ["routes"] = Lookup(_routes),
            ["stream_routes"] = Lookup(_streamRoutes),
            ["upstreams"] = Lookup(_upstreams),
            ["ssls"] = Lookup(_ssls),
            ["consumers"] = Lookup(_consumers),
            ["plugin_configs"] = Lookup(_pluginConfigs),
            ["global_rules"] = Lookup(_globalRules),
            ["plugin_metadata"] = Lookup(_pluginMetadata),
        });
    }

    private static EquatableArray<T> Sorted<T>(Dictionary<string, (T Value, ObjectRef Owner)> items)
    {
        var keys = new string[items.Count];
        items.Keys.CopyTo(keys, 0);
        Array.Sort(keys, StringComparer.Ordinal);
        var sorted = ImmutableArray.CreateBuilder<T>(keys.Length);
        foreach (var key in keys)
        {
            sorted.Add(items[key].Value);
        }

        return sorted.MoveToImmutable();
    }

    private static void CheckClashes<T>(ObjectScope scope, string type, IReadOnlyList<T> items, Func<T, string> key, Dictionary<string, (T Value, ObjectRef Owner)> existing, bool sharedIfEqual)
        where T : notnull
    {
        if (items.Count == 0)
        {
            return;
        }

        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            var id = key(item);
            if (existing.TryGetValue(id, out var held))
            {
                if (!sharedIfEqual)
                {
                    scope.Error(DiagnosticCodes.Duplicate, string.Empty, $"{type} id {id} is already produced by {held.Owner}");
                }
                else if (!held.Value.Equals(item))
                {
                    // Two objects use one Service port with different settings (an Ingress's timeouts, say);
                    // 1.x let the last writer win. We keep the first and say so.
                    scope.Warning(DiagnosticCodes.Duplicate, string.Empty, $"{type} {id} is also produced by {held.Owner} with different settings; that version is used");
                }
            }
            else if (!sharedIfEqual && ProducedBefore(items, index, key, id))
            {
                scope.Error(DiagnosticCodes.Duplicate, string.Empty, $"{type} id {id} is produced twice by this object");
            }
        }
    }

    private static bool ProducedBefore<T>(IReadOnlyList<T> items, int index, Func<T, string> key, string id)
    {
        for (var earlier = 0; earlier < index; earlier++)
        {
            if (key(items[earlier]) == id)
            {
                return true;
            }
        }

        return false;
    }

    private static void Add<T>(ObjectScope scope, IReadOnlyList<T> items, Func<T, string> key, Dictionary<string, (T Value, ObjectRef Owner)> target)
    {
        foreach (var item in items)
        {
            target.TryAdd(key(item), (item, scope.Owner));
        }
    }
}
