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
    private readonly FrozenDictionary<(string Kind, string Namespace, string Name), KubernetesObject> _byKey;
    private readonly FrozenDictionary<Type, ImmutableArray<KubernetesObject>> _byType;
    private readonly FrozenDictionary<(string Namespace, string Service), ImmutableArray<EndpointSlice>> _slicesByService;
    private readonly FrozenDictionary<string, ImmutableArray<Pod>> _podsByIp;

    private TranslationInput(ImmutableArray<KubernetesObject> objects, ImmutableArray<Diagnostic> diagnostics)
    {
        Objects = objects;
        Diagnostics = diagnostics;
        _byKey = objects.ToFrozenDictionary(o => (o.Kind, o.Namespace, o.Name));
        _byType = objects.GroupBy(o => o.GetType()).ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray());
        _slicesByService = objects.OfType<EndpointSlice>()
            .Where(s => s.ServiceName is not null)
            .GroupBy(s => (s.Namespace, s.ServiceName!))
            .ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray());
        _podsByIp = objects.OfType<Pod>()
            .SelectMany(p => p.PodIPs.Select(ip => (ip, p)))
            .GroupBy(pair => pair.ip, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(pair => pair.p).ToImmutableArray(), StringComparer.Ordinal);
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

        var sorted = unique.Values
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
