namespace Apisix.Translation.Networking;

/// <summary>What the controller writes to an Ingress's <c>status.loadBalancer.ingress</c>.</summary>
/// <param name="Ingress">The Ingress.</param>
/// <param name="LoadBalancer">The addresses, each an IP or a hostname.</param>
public sealed record IngressStatus(ObjectRef Ingress, EquatableArray<LoadBalancerAddress> LoadBalancer);
