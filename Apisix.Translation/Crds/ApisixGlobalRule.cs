using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.Crds;

/// <summary>An <c>apisix.apache.org/v2</c> ApisixGlobalRule: plugins that run for every request.</summary>
public sealed record ApisixGlobalRule : KubernetesObject
{
    /// <inheritdoc />
    public override string Kind => "ApisixGlobalRule";

    /// <summary><c>spec.ingressClassName</c>.</summary>
    public string? IngressClassName { get; init; }

    /// <summary><c>spec.plugins</c>.</summary>
    public EquatableArray<ApisixPlugin> Plugins { get; init; }
}
