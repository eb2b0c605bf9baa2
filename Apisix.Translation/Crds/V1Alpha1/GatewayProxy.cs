using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.Crds.V1Alpha1;

/// <summary>
/// A 2.x <c>apisix.apache.org/v1alpha1</c> GatewayProxy: where a 2.x controller finds APISIX's control plane,
/// plus global plugins and plugin metadata. Read and checked against its CRD schema; the 1.x translation has
/// no output for it.
/// </summary>
public sealed record GatewayProxy : KubernetesObject
{
    /// <inheritdoc />
    public override string Kind => "GatewayProxy";

    /// <summary><c>spec.publishService</c>.</summary>
    public string? PublishService { get; init; }

    /// <summary><c>spec.statusAddress</c>.</summary>
    public EquatableArray<string> StatusAddress { get; init; }

    /// <summary><c>spec.provider</c> (required).</summary>
    public GatewayProxyProvider? Provider { get; init; }

    /// <summary><c>spec.plugins</c>; an item's <c>enabled</c> is read into <see cref="ApisixPlugin.Enable"/>.</summary>
    public EquatableArray<ApisixPlugin> Plugins { get; init; }

    /// <summary><c>spec.pluginMetadata</c>: plugin name to its metadata object.</summary>
    public EquatableMap<JsonBlob> PluginMetadata { get; init; }

    /// <summary>Leaves the admin key out.</summary>
    public override string ToString() => $"GatewayProxy {Namespace}/{Name}";
}
