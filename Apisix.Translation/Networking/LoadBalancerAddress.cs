using System.Net;

namespace Apisix.Translation.Networking;

/// <summary>One <c>status.loadBalancer.ingress</c> entry: an IP or a hostname.</summary>
/// <param name="Ip">The IP, when the address parses as one.</param>
/// <param name="Hostname">The hostname otherwise.</param>
public sealed record LoadBalancerAddress(string? Ip, string? Hostname)
{
    /// <summary>An entry for <paramref name="address"/>: <c>ip</c> when it parses as an IP, else <c>hostname</c>.</summary>
    public static LoadBalancerAddress Parse(string address) =>
        IPAddress.TryParse(address, out _) ? new(address, null) : new(null, address);

    /// <summary>
    /// The addresses for Ingress status (1.x): the configured addresses when given, else the LoadBalancer
    /// status of the publish Service. Empty when neither is known.
    /// </summary>
    public static EquatableArray<LoadBalancerAddress> For(TranslationInput input, TranslationOptions options)
    {
        if (!options.StatusAddresses.IsEmpty)
        {
            return options.StatusAddresses.Select(Parse).ToArray();
        }

        if (options.PublishService?.Split('/') is [var @namespace, var name] &&
            input.Get<Kubernetes.Service>("Service", @namespace, name) is { } service)
        {
            return service.LoadBalancerIngress.Select(Parse).ToArray();
        }

        return EquatableArray<LoadBalancerAddress>.Empty;
    }
}
