namespace Apisix.Translation.GatewayApi;

/// <summary>A Gateway API HTTPRoute.</summary>
public sealed record HttpRoute : GatewayRoute
{
    /// <inheritdoc />
    public override string Kind => "HTTPRoute";

    /// <summary><c>spec.rules</c>.</summary>
    public EquatableArray<HttpRouteRule> Rules { get; init; }

    /// <inheritdoc />
    public override IEnumerable<EquatableArray<ObjectReference>> RuleBackends => Rules.Select(r => r.BackendRefs);
}
