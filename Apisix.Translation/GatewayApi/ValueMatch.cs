namespace Apisix.Translation.GatewayApi;

/// <summary>A header or query parameter match.</summary>
/// <param name="Type">Exact (default) or RegularExpression.</param>
/// <param name="Name">The header or parameter name.</param>
/// <param name="Value">The value or pattern.</param>
public sealed record ValueMatch(string Type, string Name, string Value);
