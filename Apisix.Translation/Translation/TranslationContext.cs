using Apisix.Translation.Crds;

namespace Apisix.Translation;

/// <summary>What every sub-translator of one translation shares: the snapshot, the options, and which objects were found invalid.</summary>
internal sealed class TranslationContext(TranslationInput input, TranslationOptions options)
{
    private readonly HashSet<ObjectRef> _invalid = [];

    public TranslationInput Input { get; } = input;

    public TranslationOptions Options { get; } = options;

    /// <summary>Remembers that an object had errors, so that objects using it fail with a clear reason.</summary>
    public void MarkInvalid(ObjectRef reference) => _invalid.Add(reference);

    /// <summary>True when the object had errors of its own.</summary>
    public bool IsInvalid(ObjectRef reference) => _invalid.Contains(reference);

    /// <summary>The ApisixUpstream of that name in that namespace, when it is ours (ingress class).</summary>
    public ApisixUpstream? FindApisixUpstream(string @namespace, string name)
    {
        var upstream = Input.Get<ApisixUpstream>("ApisixUpstream", @namespace, name);
        return upstream is not null && Options.SelectsCrd(upstream.IngressClassName) ? upstream : null;
    }
}
