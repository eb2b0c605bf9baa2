namespace Apisix.Translation.Crds;

/// <summary>One <c>spec.stream[]</c> rule of an ApisixRoute (TCP or UDP).</summary>
public sealed record ApisixRouteStream
{
    /// <summary>The rule name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>TCP or UDP.</summary>
    public string Protocol { get; init; } = string.Empty;

    /// <summary><c>match.ingressPort</c>: the APISIX stream port.</summary>
    public int IngressPort { get; init; }

    /// <summary><c>match.host</c>: the TLS SNI to match.</summary>
    public string? Host { get; init; }

    /// <summary>The backend.</summary>
    public ApisixRouteBackend Backend { get; init; } = new();

    /// <summary>Plugins.</summary>
    public EquatableArray<ApisixPlugin> Plugins { get; init; }
}
