using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.GatewayApi;

/// <summary>A Gateway API Gateway.</summary>
public sealed record Gateway : KubernetesObject
{
    /// <inheritdoc />
    public override string Kind => "Gateway";

    /// <summary><c>spec.gatewayClassName</c>.</summary>
    public string GatewayClassName { get; init; } = string.Empty;

    /// <summary><c>spec.listeners</c>.</summary>
    public EquatableArray<Listener> Listeners { get; init; }
}
