using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.GatewayApi;

/// <summary>What every Gateway API route kind shares: parents, hostnames and rules with backends.</summary>
public abstract record GatewayRoute : KubernetesObject
{
    /// <summary><c>spec.parentRefs</c>.</summary>
    public EquatableArray<ObjectReference> ParentRefs { get; init; }

    /// <summary><c>spec.hostnames</c> (HTTP, GRPC and TLS routes).</summary>
    public EquatableArray<string> Hostnames { get; init; }

    /// <summary>The backendRefs of each rule, in order.</summary>
    public abstract IEnumerable<EquatableArray<ObjectReference>> RuleBackends { get; }
}
