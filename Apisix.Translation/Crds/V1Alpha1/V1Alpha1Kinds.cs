using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.Crds.V1Alpha1;

/// <summary>The 2.x <c>apisix.apache.org/v1alpha1</c> kinds, which are read and checked but not translated.</summary>
internal static class V1Alpha1Kinds
{
    /// <summary>True for a GatewayProxy, Consumer, PluginConfig, BackendTrafficPolicy, HTTPRoutePolicy or L4RoutePolicy.</summary>
    public static bool Contains(KubernetesObject item) =>
        item is GatewayProxy or Consumer or PluginConfig or BackendTrafficPolicy or HttpRoutePolicy or L4RoutePolicy;
}
