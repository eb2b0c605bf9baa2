namespace Apisix.Translation.GatewayApi;

/// <summary>One HTTPRoute (or GRPCRoute) rule.</summary>
public sealed record HttpRouteRule
{
    /// <summary>The rule name (optional).</summary>
    public string? Name { get; init; }

    /// <summary><c>matches</c>; empty means "every request" (a PathPrefix <c>/</c>).</summary>
    public EquatableArray<HttpRouteMatch> Matches { get; init; }

    /// <summary><c>filters</c>.</summary>
    public EquatableArray<HttpRouteFilter> Filters { get; init; }

    /// <summary><c>backendRefs</c>.</summary>
    public EquatableArray<ObjectReference> BackendRefs { get; init; }
}
