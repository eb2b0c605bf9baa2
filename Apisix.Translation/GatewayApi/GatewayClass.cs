using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.GatewayApi;

/// <summary>A Gateway API GatewayClass (cluster-scoped).</summary>
public sealed record GatewayClass : KubernetesObject
{
    /// <inheritdoc />
    public override string Kind => "GatewayClass";

    /// <summary><c>spec.controllerName</c>.</summary>
    public string ControllerName { get; init; } = string.Empty;
}
