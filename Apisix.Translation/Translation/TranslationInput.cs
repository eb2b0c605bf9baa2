using System.Collections.Frozen;
using System.Collections.Immutable;
using Apisix.Translation.Kubernetes;

namespace Apisix.Translation;

/// <summary>
/// A frozen snapshot of the Kubernetes objects a translation reads, indexed for the lookups it makes.
/// Build one per translation; it is immutable and safe to share between threads.
/// </summary>
public sealed class TranslationInput
{
    /// <summary>
    /// From this many entries an index is frozen: freezing looks at every key to choose how to look them up,
    /// which pays for itself over a cluster's worth of lookups but not over the handful a one-object snapshot
    /// (the admission webhook's) makes.
    /// </summary>
    private const int FreezeFrom = 32;

    private readonly IReadOnlyDictionary<(string Kind, string Namespace, string Name), KubernetesObject> _byKey;
    private readonly IReadOnlyDictionary<Type, ImmutableArray<KubernetesObject>> _byType;
    private readonly IReadOnlyDictionary<(string Namespace, string Service), ImmutableArray<EndpointSlice>> _slicesByService;
    private readonly IReadOnlyDictionary<string, ImmutableArray<Pod>> _podsByIp;

    private TranslationInput(ImmutableArray<KubernetesObject> objects, ImmutableArray<Diagnostic> diagnostics)
    {
        Objects = objects;
        Diagnostics = diagnostics;
        var byKey = new Dictionary<(string Kind, string Namespace, string Name), KubernetesObject>(objects.Length);
        var byType = new Dictionary<Type, ImmutableArray<KubernetesObject>.Builder>();
        var slices = new Dictionary<(string Namespace, string Service), ImmutableArray<EndpointSlice>.Builder>();
        var pods = new Dictionary<string, ImmutableArray<Pod>.Builder>(StringComparer.Ordinal);
        foreach (var item in objects)
        {
            // Objects are unique by key and sorted, so every group below keeps the snapshot's order.
            byKey[(item.Kind, item.Namespace, item.Name)] = item;
            Group(byType, item.GetType()).Add(item);
            switch (item)
            {
                case EndpointSlice { ServiceName: { } service } slice:
                    Group(slices, (slice.Namespace, service)).Add(slice);
                    break;
                case Pod pod:
                    foreach (var ip in pod.PodIPs)
                    {
                        Group(pods, ip).Add(pod);
                    }

                    break;
            }
        }

        _byKey = byKey.Count >= FreezeFrom ? byKey.ToFrozenDictionary() : byKey;
        _byType = Index(byType, static group => group.ToImmutable());
        _slicesByService = Index(slices, static group => group.ToImmutable());
        _podsByIp = Index(pods, static group => group.ToImmutable());
    }

    private static ImmutableArray<T>.Builder Group<TKey, T>(Dictionary<TKey, ImmutableArray<T>.Builder> groups, TKey key)
        where TKey : notnull
    {
        if (!groups.TryGetValue(key, out var group))
        {
            group = ImmutableArray.CreateBuilder<T>();
            groups[key] = group;
        }

        return group;
    }

    /// <summary>The finished index: a plain dictionary for a few entries, frozen from <see cref="FreezeFrom"/>.</summary>
    private static IReadOnlyDictionary<TKey, TValue> Index<TKey, TBuilt, TValue>(Dictionary<TKey, TBuilt> built, Func<TBuilt, TValue> finish)
        where TKey : notnull
    {
        var index = new Dictionary<TKey, TValue>(built.Count, built.Comparer);
        foreach (var (key, value) in built)
        {
            index[key] = finish(value);
        }

        return index.Count >= FreezeFrom ? index.ToFrozenDictionary(index.Comparer) : index;
    }

    /// <summary>An empty snapshot.</summary>
    public static TranslationInput Empty { get; } = From([]);

    /// <summary>Every object, sorted by kind, namespace and name.</summary>
    public ImmutableArray<KubernetesObject> Objects { get; }

    /// <summary>Findings about the snapshot itself (an object given twice).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>
    /// Makes a snapshot. When the same kind, namespace and name is given twice, the later one wins and a
    /// warning says so.
    /// </summary>
    public static TranslationInput From(IEnumerable<KubernetesObject> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var unique = new Dictionary<(string, string, string), KubernetesObject>();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var item in objects)
        {
            var key = (item.Kind, item.Namespace, item.Name);
            if (unique.ContainsKey(key))
            {
                diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.Duplicate, item.Ref, string.Empty, "given more than once; the last one is used") { Location = item.Source });
            }

            unique[key] = item;
        }

        var sorted = unique.Count == 1
            ? [.. unique.Values]
            : unique.Values
                .OrderBy(o => o.Kind, StringComparer.Ordinal)
                .ThenBy(o => o.Namespace, StringComparer.Ordinal)
                .ThenBy(o => o.Name, StringComparer.Ordinal)
                .ToImmutableArray();
        return new TranslationInput(sorted, diagnostics.ToImmutable());
    }

    /// <summary>Every object of type <typeparamref name="T"/>, sorted by namespace and name.</summary>
    public IEnumerable<T> All<T>()
        where T : KubernetesObject =>
        _byType.TryGetValue(typeof(T), out var items) ? items.Cast<T>() : [];

    /// <summary>The object of type <typeparamref name="T"/> with this namespace and name, or null.</summary>
    public T? Get<T>(string kind, string? @namespace, string name)
        where T : KubernetesObject =>
        _byKey.TryGetValue((kind, @namespace ?? string.Empty, name), out var found) ? found as T : null;

    /// <summary>The EndpointSlices labelled for a Service, sorted by name.</summary>
    public ImmutableArray<EndpointSlice> EndpointSlicesFor(string @namespace, string service) =>
        _slicesByService.TryGetValue((@namespace, service), out var slices) ? slices : [];

    /// <summary>The Pods that have <paramref name="ip"/>.</summary>
    public ImmutableArray<Pod> PodsWithIp(string ip) => _podsByIp.TryGetValue(ip, out var pods) ? pods : [];
}
