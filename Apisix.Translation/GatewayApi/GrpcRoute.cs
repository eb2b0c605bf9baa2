namespace Apisix.Translation.GatewayApi;

/// <summary>A Gateway API GRPCRoute (rules reuse the HTTPRoute rule shape; matches carry the gRPC method).</summary>
public sealed record GrpcRoute : GatewayRoute
{
    /// <inheritdoc />
    public override string Kind => "GRPCRoute";

    /// <summary><c>spec.rules</c>.</summary>
    public EquatableArray<HttpRouteRule> Rules { get; init; }

    /// <inheritdoc />
    public override IEnumerable<EquatableArray<ObjectReference>> RuleBackends => Rules.Select(r => r.BackendRefs);
}
