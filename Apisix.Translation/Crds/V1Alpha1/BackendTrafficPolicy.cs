using Apisix.Translation.GatewayApi;
using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.Crds.V1Alpha1;

/// <summary>
/// A 2.x <c>apisix.apache.org/v1alpha1</c> BackendTrafficPolicy: upstream settings for the Services it targets.
/// Read and checked against its CRD schema; the 1.x translation has no output for it.
/// </summary>
public sealed record BackendTrafficPolicy : KubernetesObject
{
    /// <inheritdoc />
    public override string Kind => "BackendTrafficPolicy";

    /// <summary><c>spec.targetRefs</c>: 1 to 16 Services (a section name is a Service port name).</summary>
    public EquatableArray<ObjectReference> TargetRefs { get; init; }

    /// <summary>loadbalancer, scheme, retries, timeout, passHost, upstreamHost and healthCheck (no tlsSecret, no discovery).</summary>
    public UpstreamSettings Settings { get; init; } = new();
}
