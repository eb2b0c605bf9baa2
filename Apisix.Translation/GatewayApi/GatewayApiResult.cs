namespace Apisix.Translation.GatewayApi;

/// <summary>The Gateway API part of a translation result: statuses to write and listener attachments.</summary>
public sealed record GatewayApiResult
{
    /// <summary>An empty result.</summary>
    public static GatewayApiResult Empty { get; } = new();

    /// <summary>One entry per (route, parent Gateway of ours).</summary>
    public EquatableArray<RouteParentStatus> RouteStatuses { get; init; }

    /// <summary>One entry per Gateway of ours.</summary>
    public EquatableArray<GatewayStatus> GatewayStatuses { get; init; }

    /// <summary>Every usable listener of our Gateways.</summary>
    public EquatableArray<ListenerInfo> Listeners { get; init; }

    /// <summary>Which listener each produced route serves.</summary>
    public EquatableArray<GatewayAttachment> Attachments { get; init; }
}
