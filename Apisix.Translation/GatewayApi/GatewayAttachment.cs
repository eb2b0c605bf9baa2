namespace Apisix.Translation.GatewayApi;

/// <summary>Which Gateway listener an APISIX route or stream_route serves (for status and the route simulator).</summary>
/// <param name="Route">The Kubernetes route.</param>
/// <param name="ApisixId">The APISIX route or stream_route id.</param>
/// <param name="Gateway">The Gateway.</param>
/// <param name="Listener">The listener name.</param>
/// <param name="Port">The listener port.</param>
/// <param name="Protocol">The listener protocol.</param>
public sealed record GatewayAttachment(ObjectRef Route, string ApisixId, ObjectRef Gateway, string Listener, int Port, string Protocol);
