namespace Apisix.Translation.Simulation;

/// <summary>Simulate on one Gateway's listeners: the port the client connects to picks them; SNI and Host narrow them.</summary>
/// <param name="Gateway">The Gateway.</param>
/// <param name="Port">The listener port.</param>
public sealed record ListenerSelector(ObjectRef Gateway, int Port);
