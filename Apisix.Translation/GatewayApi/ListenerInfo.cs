namespace Apisix.Translation.GatewayApi;

/// <summary>A served listener, as the route simulator needs it.</summary>
/// <param name="Gateway">The Gateway.</param>
/// <param name="Name">The listener name.</param>
/// <param name="Port">The port.</param>
/// <param name="Protocol">The protocol.</param>
/// <param name="Hostname">The hostname, or null for any.</param>
public sealed record ListenerInfo(ObjectRef Gateway, string Name, int Port, string Protocol, string? Hostname);
