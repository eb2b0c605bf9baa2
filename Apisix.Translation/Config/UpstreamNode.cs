namespace Apisix.Translation.Config;

/// <summary>One upstream node (a value: a large cluster has tens of thousands).</summary>
/// <param name="Host">IP or host name.</param>
/// <param name="Port">Port.</param>
/// <param name="Weight">Weight.</param>
public readonly record struct UpstreamNode(string Host, int Port, int Weight);
