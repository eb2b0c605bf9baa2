using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.Crds.V1Alpha1;

/// <summary>
/// A 2.x <c>apisix.apache.org/v1alpha1</c> PluginConfig, which HTTPRoute ExtensionRef filters name in 2.x. Read
/// and checked against its CRD schema; the 1.x translation has no output for it (ApisixPluginConfig is the v2 kind).
/// </summary>
public sealed record PluginConfig : KubernetesObject
{
    /// <inheritdoc />
    public override string Kind => "PluginConfig";

    /// <summary><c>spec.plugins</c> (name and config).</summary>
    public EquatableArray<ApisixPlugin> Plugins { get; init; }
}
