namespace Apisix.Translation.GatewayApi;

/// <summary>One match of an HTTPRoute or GRPCRoute rule.</summary>
public sealed record HttpRouteMatch
{
    /// <summary>Exact, PathPrefix or RegularExpression (HTTP); null for GRPC.</summary>
    public string? PathType { get; init; }

    /// <summary>The path value.</summary>
    public string? PathValue { get; init; }

    /// <summary>Header matches.</summary>
    public EquatableArray<ValueMatch> Headers { get; init; }

    /// <summary>Query parameter matches (HTTP).</summary>
    public EquatableArray<ValueMatch> QueryParams { get; init; }

    /// <summary>The HTTP method (HTTP).</summary>
    public string? Method { get; init; }

    /// <summary>GRPC: Exact or RegularExpression.</summary>
    public string? GrpcMethodType { get; init; }

    /// <summary>GRPC: the service.</summary>
    public string? GrpcService { get; init; }

    /// <summary>GRPC: the method.</summary>
    public string? GrpcMethod { get; init; }
}
