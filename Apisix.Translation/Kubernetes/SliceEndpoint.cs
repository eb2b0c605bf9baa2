namespace Apisix.Translation.Kubernetes;

/// <summary>One endpoint of an EndpointSlice.</summary>
public sealed record SliceEndpoint
{
    /// <summary>The endpoint's addresses (one in practice).</summary>
    public EquatableArray<string> Addresses { get; init; }

    /// <summary><c>conditions.ready</c>; unset means ready.</summary>
    public bool? Ready { get; init; }

    /// <summary><c>conditions.serving</c>.</summary>
    public bool? Serving { get; init; }

    /// <summary><c>conditions.terminating</c>.</summary>
    public bool? Terminating { get; init; }

    /// <summary>The Pod behind the endpoint, when there is one.</summary>
    public string? TargetPodName { get; init; }

    /// <summary>The node the endpoint runs on.</summary>
    public string? NodeName { get; init; }

    /// <summary>True unless the endpoint says it is not ready.</summary>
    public bool IsReady => Ready ?? true;
}
