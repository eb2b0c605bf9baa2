using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.Crds;

/// <summary>
/// An <c>apisix.apache.org/v2</c> ApisixUpstream: settings for the Service of the same name, or external
/// nodes / service discovery referenced from an ApisixRoute's <c>upstreams[]</c>.
/// </summary>
public sealed record ApisixUpstream : KubernetesObject
{
    /// <inheritdoc />
    public override string Kind => "ApisixUpstream";

    /// <summary><c>spec.ingressClassName</c>.</summary>
    public string? IngressClassName { get; init; }

    /// <summary>The top-level settings.</summary>
    public UpstreamSettings Settings { get; init; } = new();

    /// <summary><c>spec.externalNodes</c>.</summary>
    public EquatableArray<ExternalNode> ExternalNodes { get; init; }

    /// <summary><c>spec.subsets</c>.</summary>
    public EquatableArray<UpstreamSubset> Subsets { get; init; }

    /// <summary><c>spec.portLevelSettings</c>: settings that replace the top-level ones for one port.</summary>
    public EquatableArray<PortLevelSettings> PortLevelSettings { get; init; }
}
