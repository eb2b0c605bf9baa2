using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.Crds;

/// <summary>
/// An <c>apisix.apache.org/v2</c> ApisixClusterConfig (1.x, cluster-scoped). Its monitoring settings become
/// a global rule; its <c>admin</c> block is for the controller, not the translation.
/// </summary>
public sealed record ApisixClusterConfig : KubernetesObject
{
    /// <inheritdoc />
    public override string Kind => "ApisixClusterConfig";

    /// <summary><c>spec.ingressClassName</c>.</summary>
    public string? IngressClassName { get; init; }

    /// <summary><c>spec.admin.baseURL</c>.</summary>
    public string? AdminBaseUrl { get; init; }

    /// <summary><c>spec.admin.adminKey</c>.</summary>
    public string? AdminKey { get; init; }

    /// <summary>
    /// <c>spec.admin.clientTimeout</c> of the 1.x Go type, which the CRD schema does not have: the API server drops
    /// it, so the manifest reader reports it as an unknown field and leaves this null.
    /// </summary>
    public string? AdminClientTimeout { get; init; }

    /// <summary><c>spec.monitoring.prometheus.enable</c>.</summary>
    public bool PrometheusEnabled { get; init; }

    /// <summary><c>spec.monitoring.prometheus.prefer_name</c>.</summary>
    public bool? PrometheusPreferName { get; init; }

    /// <summary><c>spec.monitoring.skywalking.enable</c>.</summary>
    public bool SkywalkingEnabled { get; init; }

    /// <summary><c>spec.monitoring.skywalking.sampleRatio</c>.</summary>
    public double? SkywalkingSampleRatio { get; init; }

    /// <summary>Leaves the admin key out.</summary>
    public override string ToString() => $"ApisixClusterConfig {Name}";
}
