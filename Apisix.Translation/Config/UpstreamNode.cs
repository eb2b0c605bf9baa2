namespace Apisix.Translation.Config;

/// <summary>One upstream node.</summary>
/// <param name="Host">IP or host name.</param>
/// <param name="Port">Port.</param>
/// <param name="Weight">Weight.</param>
public sealed record UpstreamNode(string Host, int Port, int Weight);
