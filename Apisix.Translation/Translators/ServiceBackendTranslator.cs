using System.Collections.Immutable;
using System.Globalization;
using Apisix.Translation.Config;
using Apisix.Translation.Crds;
using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.Translators;

/// <summary>
/// A Service backend to an upstream (reference §2.6): named <c>{ns}_{svc}_[{subset}_]{port}[_service]</c>
/// after the Service port number; nodes from ready endpoints whose port name equals the Service port's
/// name (or the cluster IP for service granularity); the Service's ApisixUpstream applied, a matching
/// port-level entry replacing the top-level settings.
/// </summary>
internal static class ServiceBackendTranslator
{
    public const int NodeWeight = 100;

    /// <summary>The upstream for the backend, added to the scope; null after an error.</summary>
    public static Upstream? Translate(ApisixRouteBackend backend, string @namespace, LazyPath path, TranslationContext context, ObjectScope scope)
    {
        var upstream = Resolve(backend, @namespace, path, context, scope);
        if (upstream is not null)
        {
            scope.Upstreams.Add(upstream);
        }

        return upstream;
    }

    /// <summary>The upstream for the backend without adding it to the scope (callers that adjust it first).</summary>
    /// <param name="backend">The backend.</param>
    /// <param name="namespace">The Service's namespace.</param>
    /// <param name="path">The backend's field path.</param>
    /// <param name="context">The translation.</param>
    /// <param name="scope">Where findings go.</param>
    /// <param name="renamePath">Maps the ApisixRoute field names in finding paths to the caller's (an Ingress says <c>.name</c>, <c>.port</c>).</param>
    public static Upstream? Resolve(ApisixRouteBackend backend, string @namespace, LazyPath path, TranslationContext context, ObjectScope scope, Func<string, string>? renamePath = null) =>
        context.Backend(new BackendKey(@namespace, backend.ServiceName, backend.ServicePort, backend.ResolveGranularity, backend.Subset), path, scope, Build, renamePath);

    /// <summary>Builds the upstream; findings carry paths relative to the backend (".serviceName").</summary>
    private static Upstream? Build(BackendKey key, TranslationContext context, ObjectScope scope)
    {
        const string path = "";
        var @namespace = key.Namespace;
        var backend = new ApisixRouteBackend { ServiceName = key.Service, ServicePort = key.Port, ResolveGranularity = key.Granularity, Subset = key.Subset };
        var service = context.Input.Get<Service>("Service", @namespace, backend.ServiceName);
        var assumed = false;
        if (service is null)
        {
            var message = $"Service {@namespace}/{backend.ServiceName} not found";
            if (!context.Options.AssumeUnseenServices || backend.ServicePort?.Number is not { } number)
            {
                scope.Error(DiagnosticCodes.BackendNotFound, $"{path}.serviceName", message);
                return null;
            }

            // A partial snapshot: the Service may well exist; go on as if it did, with no endpoints yet.
            scope.Warning(DiagnosticCodes.BackendNotFound, $"{path}.serviceName", message);
            service = new Service { Metadata = new ObjectMeta { Name = backend.ServiceName, Namespace = @namespace }, Ports = new[] { new ServicePort { Port = number } } };
            assumed = true;
        }

        var servicePort = FindPort(service, backend.ServicePort);
        if (servicePort is null)
        {
            scope.Error(DiagnosticCodes.BackendNotFound, $"{path}.servicePort", backend.ServicePort is null
                ? "is required"
                : $"port {backend.ServicePort} is not defined in Service {@namespace}/{backend.ServiceName}");
            return null;
        }

        var byService = backend.ResolveGranularity == "service";
        if (backend.ResolveGranularity is { Length: > 0 } granularity && granularity is not ("service" or "endpoint"))
        {
            scope.Error(DiagnosticCodes.InvalidValue, $"{path}.resolveGranularity", $"invalid value '{granularity}'; expected endpoint or service");
            return null;
        }

        if (byService && service.IsHeadless && !assumed)
        {
            // 1.x made a node with host "None" here (deviation 7).
            scope.Error(DiagnosticCodes.InvalidValue, $"{path}.resolveGranularity", $"service granularity needs a cluster IP, but Service {@namespace}/{service.Name} is headless");
            return null;
        }

        var apisixUpstream = context.FindApisixUpstream(@namespace, service.Name);
        if (apisixUpstream is not null && context.IsInvalid(apisixUpstream.Ref))
        {
            scope.Error(DiagnosticCodes.DependencyInvalid, $"{path}.serviceName", $"{apisixUpstream.Ref} has errors; fix it first");
            return null;
        }

        var name = UpstreamName(@namespace, service.Name, backend.Subset, servicePort.Port, byService);
        context.UpstreamSources[IdGenerator.GenId(name)] = new ServiceBackendSource(@namespace, service.Name, servicePort.Port);
        var upstream = new Upstream
        {
            Id = IdGenerator.GenId(name),
            Name = name,
            Desc = ManagedLabels.Description,
            Labels = ManagedLabels.ManagedBy,
        };
        if (apisixUpstream is not null)
        {
            var settings = apisixUpstream.PortLevelSettings.FirstOrDefault(p => p.Port == servicePort.Port)?.Settings ?? apisixUpstream.Settings;

            // Findings about the settings were reported on the ApisixUpstream itself.
            upstream = ApisixUpstreamTranslator.Apply(upstream, settings, apisixUpstream.Ref, "spec", context, new ObjectScope(apisixUpstream.Ref, null));
        }

        if (upstream.DiscoveryType is null)
        {
            var nodes = assumed ? []
                : byService
                ? [UpstreamNode.ForAddress(service.ClusterIP!, servicePort.Port, NodeWeight)]
                : EndpointNodes(service, servicePort, backend.Subset, apisixUpstream, path, context, scope);
            upstream = upstream with { Nodes = nodes };
        }

        return upstream;
    }

    /// <summary>The upstream name of a Service backend, which the id is derived from.</summary>
    public static string UpstreamName(string @namespace, string service, string? subset, int port, bool byService)
    {
        var subsetPart = string.IsNullOrEmpty(subset) ? string.Empty : subset + "_";
        var suffix = byService ? "_service" : string.Empty;
        return $"{@namespace}_{service}_{subsetPart}{port.ToString(CultureInfo.InvariantCulture)}{suffix}";
    }

    /// <summary>The Service port a backend names, by number or by name.</summary>
    public static ServicePort? FindPort(Service service, IntOrString? port) => port switch
    {
        { Number: { } number } => service.Ports.FirstOrDefault(p => p.Port == number),
        { Text: { } text } => service.Ports.FirstOrDefault(p => p.Name == text),
        _ => null,
    };

    private static ImmutableArray<UpstreamNode> EndpointNodes(Service service, ServicePort servicePort, string? subset, ApisixUpstream? apisixUpstream, string path, TranslationContext context, ObjectScope scope)
    {
        EquatableMap<string>? subsetLabels = null;
        if (!string.IsNullOrEmpty(subset))
        {
            if (apisixUpstream is null)
            {
                scope.Warning(DiagnosticCodes.UpstreamNotFound, $"{path}.subset", $"subset '{subset}' needs ApisixUpstream {service.Namespace}/{service.Name}, which does not exist; the upstream has no nodes");
                return [];
            }

            subsetLabels = SubsetLabels(apisixUpstream, servicePort.Port, subset);
            if (subsetLabels is null)
            {
                scope.Warning(DiagnosticCodes.Suspicious, $"{path}.subset", $"subset '{subset}' is not defined in {apisixUpstream.Ref}; all endpoints are used (as 1.x does)");
            }
        }

        var nodes = context.NodeScratch;
        nodes.Clear();
        foreach (var (address, port) in ReadyEndpoints(service, servicePort, context.Input))
        {
            if (subsetLabels is { } labels && !AnyPodHasLabels(context.Input.PodsWithIp(address), service.Namespace, labels))
            {
                continue;
            }

            nodes.Add(UpstreamNode.ForAddress(address, port, NodeWeight));
        }

        return ImmutableArray.Create(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(nodes));
    }

    /// <summary>A subset's pod labels: from the Service port's <c>portLevelSettings</c> entry (2.x) first, else from <c>spec.subsets</c>.</summary>
    private static EquatableMap<string>? SubsetLabels(ApisixUpstream upstream, int port, string name)
    {
        var portLevel = upstream.PortLevelSettings.FirstOrDefault(p => p.Port == port)?.Subsets ?? EquatableArray<UpstreamSubset>.Empty;
        return (portLevel.FirstOrDefault(s => s.Name == name) ?? upstream.Subsets.FirstOrDefault(s => s.Name == name))?.Labels;
    }

    /// <summary>
    /// The ready endpoint addresses and target ports of a Service port: from its EndpointSlices when it has
    /// any, else from its Endpoints object.
    /// </summary>
    public static IEnumerable<(string Address, int Port)> ReadyEndpoints(Service service, ServicePort servicePort, TranslationInput input)
    {
        var slices = input.EndpointSlicesFor(service.Namespace, service.Name);
        if (!slices.IsEmpty)
        {
            foreach (var slice in slices)
            {
                var port = slice.Ports.FirstOrDefault(p => p.Name == servicePort.Name);
                if (port is null)
                {
                    continue;
                }

                foreach (var endpoint in slice.Endpoints.Where(e => e.IsReady))
                {
                    foreach (var address in endpoint.Addresses)
                    {
                        yield return (address, port.Port);
                    }
                }
            }

            yield break;
        }

        var endpoints = input.Get<Endpoints>("Endpoints", service.Namespace, service.Name);
        if (endpoints is null)
        {
            yield break;
        }

        foreach (var subset in endpoints.Subsets)
        {
            var port = subset.Ports.FirstOrDefault(p => p.Name == servicePort.Name);
            if (port is null)
            {
                continue;
            }

            foreach (var address in subset.Addresses)
            {
                yield return (address, port.Port);
            }
        }
    }

    // Plain loops: a lambda capturing the labels here would cost an allocation per endpoint.
    // Only Pods of the Service's namespace count, as in 1.x (pod name by IP, then looked up in that
    // namespace): a host-network Pod elsewhere can share the node's IP.
    private static bool AnyPodHasLabels(ImmutableArray<Pod> pods, string @namespace, EquatableMap<string> labels)
    {
        foreach (var pod in pods)
        {
            if (pod.Namespace == @namespace && HasLabels(pod, labels))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasLabels(Pod pod, EquatableMap<string> labels)
    {
        foreach (var (key, expected) in labels)
        {
            if (!pod.Metadata.Labels.TryGetValue(key, out var value) || value != expected)
            {
                return false;
            }
        }

        return true;
    }
}
