using Apisix.Translation.Config;
using Apisix.Translation.Crds;
using Apisix.Translation.Kubernetes;
using Apisix.Translation.Translators;

namespace Apisix.Translation.GatewayApi;

/// <summary>
/// Resolves a route's backendRefs: kind Service only (else InvalidKind), other namespaces only with a
/// ReferenceGrant (else RefNotPermitted), the Service and port must exist (else BackendNotFound). A
/// resolved backend becomes an upstream named <c>{ns}_{svc}_{port}</c> with the 1.x <c>meta_*</c> labels.
/// </summary>
internal static class BackendResolver
{
    /// <summary>The upstream, or null with the failure recorded in <paramref name="problem"/>.</summary>
    public static Upstream? Resolve(GatewayRoute route, ObjectReference backend, string path, TranslationContext context, ObjectScope scope, ref StatusCondition? problem)
    {
        var kind = string.IsNullOrEmpty(backend.Kind) ? "Service" : backend.Kind;
        if (backend.Group.Length != 0 || kind != "Service")
        {
            problem ??= Fail(scope, path, "InvalidKind", $"{(backend.Group.Length == 0 ? string.Empty : backend.Group + "/")}{kind} is not a supported backend kind (core Service)");
            return null;
        }

        var backendNamespace = backend.Namespace ?? route.Namespace;
        if (!ReferenceGrants.Permit(context, ListenerResolver.GatewayGroup, route.Kind, route.Namespace, string.Empty, "Service", backendNamespace, backend.Name))
        {
            problem ??= Fail(scope, path, "RefNotPermitted", $"Service {backendNamespace}/{backend.Name} is in another namespace and no ReferenceGrant allows it");
            return null;
        }

        var service = context.Input.Get<Service>("Service", backendNamespace, backend.Name);
        if (service is null)
        {
            problem ??= Fail(scope, path, "BackendNotFound", $"Service {backendNamespace}/{backend.Name} not found");
            return null;
        }

        if (backend.Port is null || ServiceBackendTranslator.FindPort(service, IntOrString.FromInt(backend.Port.Value)) is null)
        {
            problem ??= Fail(scope, path, "BackendNotFound", backend.Port is null
                ? "port is required for a Service backend"
                : $"Service {backendNamespace}/{backend.Name} has no port {backend.Port}");
            return null;
        }

        var recorder = new ObjectScope(scope.Owner, null);
        var upstream = ServiceBackendTranslator.Resolve(new ApisixRouteBackend { ServiceName = backend.Name, ServicePort = IntOrString.FromInt(backend.Port.Value) }, backendNamespace, path, context, recorder);
        if (upstream is null)
        {
            problem ??= Fail(scope, path, "BackendNotFound", string.Join("; ", recorder.Diagnostics.Select(d => d.Message)));
            return null;
        }

        if (service.Type == "ExternalName" && !string.IsNullOrEmpty(service.ExternalName))
        {
            upstream = upstream with { Nodes = new[] { new UpstreamNode(service.ExternalName, backend.Port.Value, ServiceBackendTranslator.NodeWeight) } };
        }

        return upstream with
        {
            Labels = upstream.Labels!.Value
                .SetItem("meta_namespace", ManagedLabels.Value(backendNamespace))
                .SetItem("meta_backend", ManagedLabels.Value(backend.Name))
                .SetItem("meta_port", backend.Port.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
    }

    private static StatusCondition Fail(ObjectScope scope, string path, string reason, string message)
    {
        scope.Warning(reason, path, message);
        return StatusCondition.Failed("ResolvedRefs", reason, message);
    }
}
