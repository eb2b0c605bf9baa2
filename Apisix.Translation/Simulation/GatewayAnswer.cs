namespace Apisix.Translation.Simulation;

/// <summary>An answer APISIX gives itself.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Plugin">The plugin that answered (null for "no route": 404).</param>
/// <param name="Location">The Location header of a redirect.</param>
/// <param name="Body">The body, when the plugin sets one.</param>
public sealed record GatewayAnswer(int Status, string? Plugin, string? Location, string? Body);
