namespace Apisix.Translation.GatewayApi;

/// <summary>A TCPRoute, UDPRoute or TLSRoute: rules with backends only.</summary>
public sealed record L4Route : GatewayRoute
{
    /// <inheritdoc />
    public override string Kind => RouteKind;

    /// <summary>The kind: TCPRoute, UDPRoute or TLSRoute.</summary>
    public required string RouteKind { get; init; }

    /// <summary>Each rule's backendRefs.</summary>
    public EquatableArray<EquatableArray<ObjectReference>> Rules { get; init; }

    /// <inheritdoc />
    public override IEnumerable<EquatableArray<ObjectReference>> RuleBackends => Rules;
}
