namespace Apisix.Translation.Simulation;

/// <summary>A header change: <c>set</c>, <c>add</c> or <c>remove</c>.</summary>
/// <param name="Action">set, add or remove.</param>
/// <param name="Name">The header name.</param>
/// <param name="Value">The value (empty for remove).</param>
public sealed record HeaderChange(string Action, string Name, string Value);
