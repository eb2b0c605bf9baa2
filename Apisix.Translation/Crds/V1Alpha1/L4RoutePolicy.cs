using Apisix.Translation.GatewayApi;
using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.Crds.V1Alpha1;

/// <summary>
/// A 2.x <c>apisix.apache.org/v1alpha1</c> L4RoutePolicy: stream route plugins for TCPRoutes, UDPRoutes and
/// TLSRoutes. Read and checked against its CRD schema; the 1.x translation has no output for it.
/// </summary>
public sealed record L4RoutePolicy : KubernetesObject
{
    /// <inheritdoc />
    public override string Kind => "L4RoutePolicy";

    /// <summary><c>spec.targetRefs</c>: TCPRoutes, UDPRoutes or TLSRoutes.</summary>
    public EquatableArray<ObjectReference> TargetRefs { get; init; }

    /// <summary><c>spec.plugins</c>.</summary>
    public EquatableArray<ApisixPlugin> Plugins { get; init; }
}
