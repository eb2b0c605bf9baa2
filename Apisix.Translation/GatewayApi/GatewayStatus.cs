namespace Apisix.Translation.GatewayApi;

/// <summary>A Gateway's status: its own conditions and each listener's.</summary>
public sealed record GatewayStatus
{
    /// <summary>The Gateway.</summary>
    public required ObjectRef Gateway { get; init; }

    /// <summary>Accepted and Programmed.</summary>
    public EquatableArray<StatusCondition> Conditions { get; init; }

    /// <summary>Each listener's status, in listener order.</summary>
    public EquatableArray<ListenerStatus> Listeners { get; init; }
}
