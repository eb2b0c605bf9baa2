namespace Apisix.Translation.GatewayApi;

/// <summary>
/// A typed reference as the Gateway API writes them (parentRefs, backendRefs, certificateRefs,
/// allowed kinds): group, kind, namespace, name, and the optional section name, port and weight.
/// </summary>
public sealed record ObjectReference
{
    /// <summary>The API group; empty for the core group.</summary>
    public string Group { get; init; } = string.Empty;

    /// <summary>The kind.</summary>
    public string Kind { get; init; } = string.Empty;

    /// <summary>The namespace; null means the referring object's.</summary>
    public string? Namespace { get; init; }

    /// <summary>The name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>A listener name (parentRefs).</summary>
    public string? SectionName { get; init; }

    /// <summary>A port (parentRefs: the listener port; backendRefs: the Service port).</summary>
    public int? Port { get; init; }

    /// <summary>A weight (backendRefs; default 1).</summary>
    public int? Weight { get; init; }

    /// <summary>Filters on a backendRef.</summary>
    public EquatableArray<HttpRouteFilter> Filters { get; init; }
}
