using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.GatewayApi;

/// <summary>
/// Attaches a route to its parents as the Gateway API says: listeners narrowed by sectionName and port
/// (else NoMatchingParent), then by kind and namespace policy (else NotAllowedByListeners), then by
/// hostname intersection (else NoMatchingListenerHostname).
/// </summary>
internal static class RouteAttacher
{
    /// <summary>One accepted listener and the hostnames the route serves on it (null: any).</summary>
    internal sealed record Attachment(ListenerState Listener, IReadOnlyList<string>? Hostnames);

    /// <summary>The outcome for one parentRef.</summary>
    internal sealed record ParentResult(Gateway Gateway, ObjectReference Reference, StatusCondition Accepted, List<Attachment> Attachments);

    /// <param name="route">The route.</param>
    /// <param name="gateways">The listeners of our Gateways.</param>
    /// <param name="context">The translation.</param>
    /// <param name="scope">Where findings go.</param>
    /// <param name="parentUnseen">Set when a parentRef names a Gateway the input does not hold at all (so it may well be ours).</param>
    public static List<ParentResult> Attach(GatewayRoute route, IReadOnlyDictionary<(string, string), List<ListenerState>> gateways, TranslationContext context, ObjectScope scope, out bool parentUnseen)
    {
        parentUnseen = false;
        var results = new List<ParentResult>();
        for (var p = 0; p < route.ParentRefs.Count; p++)
        {
            var reference = route.ParentRefs[p];
            var group = string.IsNullOrEmpty(reference.Group) ? ListenerResolver.GatewayGroup : reference.Group;
            var kind = string.IsNullOrEmpty(reference.Kind) ? "Gateway" : reference.Kind;
            if (group != ListenerResolver.GatewayGroup || kind != "Gateway")
            {
                continue;
            }

            var gatewayNamespace = reference.Namespace ?? route.Namespace;
            if (!gateways.TryGetValue((gatewayNamespace, reference.Name), out var listeners))
            {
                if (context.Input.Get<Gateway>("Gateway", gatewayNamespace, reference.Name) is null)
                {
                    parentUnseen = true;
                    scope.Warning("ParentNotFound", $"spec.parentRefs[{p}]", $"Gateway {gatewayNamespace}/{reference.Name} not found");
                }

                continue;
            }

            results.Add(AttachToGateway(route, reference, listeners, $"spec.parentRefs[{p}]", context, scope));
        }

        return results;
    }

    private static ParentResult AttachToGateway(GatewayRoute route, ObjectReference reference, List<ListenerState> listeners, string path, TranslationContext context, ObjectScope scope)
    {
        var gateway = listeners.Count > 0 ? listeners[0].Gateway : null!;
        var candidates = listeners
            .Where(l => reference.SectionName is null || l.Listener.Name == reference.SectionName)
            .Where(l => reference.Port is null || l.Listener.Port == reference.Port)
            .ToList();
        if (candidates.Count == 0)
        {
            return Reject(gateway, reference, "NoMatchingParent", "no listener matches the parentRef's sectionName and port", path, scope);
        }

        var allowed = candidates.Where(l => l.Usable && l.Kinds.Contains(route.Kind) && NamespaceAllowed(l, route.Namespace, context)).ToList();
        if (allowed.Count == 0)
        {
            return Reject(gateway, reference, "NotAllowedByListeners", $"no listener of Gateway {gateway.Namespace}/{gateway.Name} allows {route.Kind} from namespace {route.Namespace}", path, scope);
        }

        var attachments = new List<Attachment>();
        foreach (var listener in allowed)
        {
            var hostnames = Hostnames.Intersect(listener.Listener.Hostname, route.Hostnames);
            if (hostnames is null || hostnames.Count > 0 || route.Kind is "TCPRoute" or "UDPRoute")
            {
                attachments.Add(new Attachment(listener, route.Kind is "TCPRoute" or "UDPRoute" ? null : hostnames));
            }
        }

        if (attachments.Count == 0)
        {
            return Reject(gateway, reference, "NoMatchingListenerHostname", "no listener hostname intersects the route's hostnames", path, scope);
        }

        foreach (var attachment in attachments)
        {
            attachment.Listener.AttachedRoutes++;
        }

        return new ParentResult(gateway, reference, StatusCondition.Ok("Accepted"), attachments);
    }

    private static bool NamespaceAllowed(ListenerState listener, string routeNamespace, TranslationContext context) => listener.Listener.AllowedNamespacesFrom switch
    {
        "All" => true,
        "Selector" => listener.Listener.AllowedNamespacesSelector is { } selector &&
            context.Input.Get<NamespaceObject>("Namespace", null, routeNamespace) is { } ns && selector.Matches(ns.Metadata.Labels),
        _ => routeNamespace == listener.Gateway.Namespace,
    };

    private static ParentResult Reject(Gateway gateway, ObjectReference reference, string reason, string message, string path, ObjectScope scope)
    {
        scope.Warning(reason, path, message);
        return new ParentResult(gateway, reference, StatusCondition.Failed("Accepted", reason, message), []);
    }
}
