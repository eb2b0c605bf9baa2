using Apisix.Translation.GatewayApi;
using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.Crds.V1Alpha1;

/// <summary>
/// A 2.x <c>apisix.apache.org/v1alpha1</c> HTTPRoutePolicy: a priority and extra vars for HTTPRoute rules or
/// Ingresses. Read and checked against its CRD schema; the 1.x translation has no output for it.
/// </summary>
public sealed record HttpRoutePolicy : KubernetesObject
{
    /// <inheritdoc />
    public override string Kind => "HTTPRoutePolicy";

    /// <summary><c>spec.targetRefs</c>: HTTPRoutes (a section name is a rule name) or Ingresses.</summary>
    public EquatableArray<ObjectReference> TargetRefs { get; init; }

    /// <summary><c>spec.priority</c>.</summary>
    public long? Priority { get; init; }

    /// <summary><c>spec.vars</c>: raw APISIX var expressions, appended to the routes' vars.</summary>
    public JsonBlob? Vars { get; init; }
}
