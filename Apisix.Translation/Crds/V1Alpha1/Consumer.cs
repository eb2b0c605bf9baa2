using Apisix.Translation.GatewayApi;
using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.Crds.V1Alpha1;

/// <summary>
/// A 2.x <c>apisix.apache.org/v1alpha1</c> Consumer: credentials and plugins for the Gateway it names. Read and
/// checked against its CRD schema; the 1.x translation has no output for it (its ApisixConsumer is the v2 kind).
/// </summary>
public sealed record Consumer : KubernetesObject
{
    /// <inheritdoc />
    public override string Kind => "Consumer";

    /// <summary><c>spec.gatewayRef</c>: name, kind (default Gateway), group (default gateway.networking.k8s.io), namespace.</summary>
    public ObjectReference? GatewayRef { get; init; }

    /// <summary><c>spec.credentials</c>.</summary>
    public EquatableArray<ConsumerCredential> Credentials { get; init; }

    /// <summary><c>spec.plugins</c> (name and config).</summary>
    public EquatableArray<ApisixPlugin> Plugins { get; init; }
}
