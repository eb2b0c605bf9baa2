using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.Crds;

/// <summary>An <c>apisix.apache.org/v2</c> ApisixRoute.</summary>
public sealed record ApisixRoute : KubernetesObject
{
    /// <inheritdoc />
    public override string Kind => "ApisixRoute";

    /// <summary><c>spec.ingressClassName</c>.</summary>
    public string? IngressClassName { get; init; }

    /// <summary><c>spec.http</c>.</summary>
    public EquatableArray<ApisixRouteHttp> Http { get; init; }

    /// <summary><c>spec.stream</c>.</summary>
    public EquatableArray<ApisixRouteStream> Stream { get; init; }
}
