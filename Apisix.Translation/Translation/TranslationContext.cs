using Apisix.Translation.Config;
using Apisix.Translation.Crds;

namespace Apisix.Translation;

/// <summary>What every sub-translator of one translation shares: the snapshot, the options, and which objects were found invalid.</summary>
internal sealed class TranslationContext(TranslationInput input, TranslationOptions options)
{
    private readonly HashSet<ObjectRef> _invalid = [];
    private readonly Dictionary<BackendKey, (Upstream? Upstream, IReadOnlyList<Diagnostic> Findings)> _backends = [];

    public TranslationInput Input { get; } = input;

    /// <summary>The Service port behind each upstream built from one, by upstream id.</summary>
    public Dictionary<string, ServiceBackendSource> UpstreamSources { get; } = new(StringComparer.Ordinal);

    public TranslationOptions Options { get; } = options;

    /// <summary>
    /// Reused while an upstream's nodes are collected, so that each node list is allocated once, at its
    /// final size (a translation is single-threaded).
    /// </summary>
    public List<UpstreamNode> NodeScratch { get; } = [];

    /// <summary>Remembers that an object had errors, so that objects using it fail with a clear reason.</summary>
    public void MarkInvalid(ObjectRef reference) => _invalid.Add(reference);

    /// <summary>True when the object had errors of its own.</summary>
    public bool IsInvalid(ObjectRef reference) => _invalid.Contains(reference);

    /// <summary>
    /// Builds a Service backend's upstream once per translation and replays its findings into every scope
    /// that asks, under that scope's own path (written out only when there is a finding). Many routes share
    /// one Service port: its upstream and nodes are built once.
    /// </summary>
    public Upstream? Backend(BackendKey key, LazyPath path, ObjectScope scope, Func<BackendKey, TranslationContext, ObjectScope, Upstream?> build, Func<string, string>? renamePath)
    {
        if (!_backends.TryGetValue(key, out var entry))
        {
            var recorder = new ObjectScope(scope.Owner, null);
            entry = (build(key, this, recorder), recorder.Diagnostics);
            _backends[key] = entry;
        }

        if (entry.Findings.Count > 0)
        {
            var prefix = path.ToString();
            foreach (var finding in entry.Findings)
            {
                scope.Replay(renamePath is null ? finding : finding with { Path = renamePath(finding.Path) }, prefix);
            }
        }

        return entry.Upstream;
    }

    /// <summary>The ApisixUpstream of that name in that namespace, when it is ours (ingress class).</summary>
    public ApisixUpstream? FindApisixUpstream(string @namespace, string name)
    {
        var upstream = Input.Get<ApisixUpstream>("ApisixUpstream", @namespace, name);
        return upstream is not null && Options.SelectsCrd(upstream.IngressClassName) ? upstream : null;
    }
}
