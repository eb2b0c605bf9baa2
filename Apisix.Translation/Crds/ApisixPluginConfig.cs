using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.Crds;

/// <summary>An <c>apisix.apache.org/v2</c> ApisixPluginConfig: plugins that routes attach by name.</summary>
public sealed record ApisixPluginConfig : KubernetesObject
{
    /// <inheritdoc />
    public override string Kind => "ApisixPluginConfig";

    /// <summary><c>spec.ingressClassName</c>.</summary>
    public string? IngressClassName { get; init; }

    /// <summary><c>spec.plugins</c>.</summary>
    public EquatableArray<ApisixPlugin> Plugins { get; init; }
}
