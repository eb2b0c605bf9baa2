namespace Apisix.Translation.Config;

/// <summary>One upstream node (a value: a large cluster has tens of thousands).</summary>
/// <param name="Host">IP or host name.</param>
/// <param name="Port">Port.</param>
/// <param name="Weight">Weight.</param>
public readonly record struct UpstreamNode(string Host, int Port, int Weight)
{
    /// <summary>
    /// A node for an address as Kubernetes gives it (an endpoint, a cluster IP): an IPv6 address is written in
    /// brackets, as APISIX needs it in the array form of <c>nodes</c> (<c>[fd00::1]</c>).
    /// </summary>
    public static UpstreamNode ForAddress(string address, int port, int weight) =>
        new(address.Contains(':', StringComparison.Ordinal) && !address.StartsWith('[') ? $"[{address}]" : address, port, weight);
}
