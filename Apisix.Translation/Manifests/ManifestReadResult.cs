using System.Collections.Immutable;
using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.Manifests;

/// <summary>The objects read from manifests, and what was wrong with the rest.</summary>
/// <param name="Objects">Every object that was read without errors, in document order.</param>
/// <param name="Diagnostics">Findings, each with its file and line.</param>
public sealed record ManifestReadResult(ImmutableArray<KubernetesObject> Objects, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>Joins several results, keeping their order.</summary>
    public static ManifestReadResult Combine(IEnumerable<ManifestReadResult> results)
    {
        var objects = ImmutableArray.CreateBuilder<KubernetesObject>();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var result in results)
        {
            objects.AddRange(result.Objects);
            diagnostics.AddRange(result.Diagnostics);
        }

        return new ManifestReadResult(objects.ToImmutable(), diagnostics.ToImmutable());
    }
}
