namespace Apisix.Translation.GatewayApi;

/// <summary>One listener's status.</summary>
public sealed record ListenerStatus
{
    /// <summary>The listener name.</summary>
    public required string Name { get; init; }

    /// <summary>How many routes attached.</summary>
    public int AttachedRoutes { get; init; }

    /// <summary>The route kinds the listener takes.</summary>
    public EquatableArray<string> SupportedKinds { get; init; }

    /// <summary>Accepted, ResolvedRefs and Programmed.</summary>
    public EquatableArray<StatusCondition> Conditions { get; init; }
}
