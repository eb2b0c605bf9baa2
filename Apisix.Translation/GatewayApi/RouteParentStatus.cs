namespace Apisix.Translation.GatewayApi;

/// <summary>A route's status for one of its parents (one <c>status.parents[]</c> entry).</summary>
public sealed record RouteParentStatus
{
    /// <summary>The route.</summary>
    public required ObjectRef Route { get; init; }

    /// <summary>The parent Gateway.</summary>
    public required ObjectRef Gateway { get; init; }

    /// <summary>The parentRef's sectionName, when given.</summary>
    public string? SectionName { get; init; }

    /// <summary>The parentRef's port, when given.</summary>
    public int? Port { get; init; }

    /// <summary>Accepted and ResolvedRefs.</summary>
    public EquatableArray<StatusCondition> Conditions { get; init; }

    /// <summary>The listeners the route attached to (empty when not accepted).</summary>
    public EquatableArray<string> Listeners { get; init; }

    /// <summary>True when the route produces APISIX objects for this Gateway.</summary>
    public bool Attached => !Listeners.IsEmpty;
}
