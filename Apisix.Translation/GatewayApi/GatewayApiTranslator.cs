using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.GatewayApi;

/// <summary>
/// The Gateway API: our GatewayClasses (by controllerName), their Gateways' listeners, and every route that
/// attaches to them, with the status the spec asks for.
/// </summary>
internal static class GatewayApiTranslator
{
    /// <summary>The controller name 1.x used for the Gateway API; accepted too.</summary>
    public const string LegacyControllerName = "apisix.apache.org/gateway-controller";

    public static GatewayApiResult Translate(TranslationContext context, ConfigurationBuilder builder)
    {
        var input = context.Input;
        var classes = input.All<GatewayClass>()
            .Where(c => c.ControllerName == context.Options.ControllerName || c.ControllerName == LegacyControllerName)
            .Select(c => c.Name)
            .ToHashSet(StringComparer.Ordinal);
        var gateways = input.All<Gateway>().Where(g => classes.Contains(g.GatewayClassName)).ToList();
        var routes = input.All<HttpRoute>().Cast<GatewayRoute>()
            .Concat(input.All<GrpcRoute>())
            .Concat(input.All<L4Route>())
            .ToList();
        if (gateways.Count == 0 && routes.Count == 0)
        {
            return GatewayApiResult.Empty;
        }

        var listeners = new Dictionary<(string, string), List<ListenerState>>();
        var gatewayScopes = new List<ObjectScope>();
        foreach (var gateway in gateways)
        {
            var scope = new ObjectScope(gateway.Ref, gateway.Source, gateway.Lines);
            var states = new List<ListenerState>();
            for (var i = 0; i < gateway.Listeners.Count; i++)
            {
                var state = ListenerResolver.Resolve(gateway, gateway.Listeners[i], i, context, scope);
                scope.Ssls.AddRange(state.Ssls);
                states.Add(state);
            }

            listeners[(gateway.Namespace, gateway.Name)] = states;
            gatewayScopes.Add(scope);
        }

        var precedence = new RoutePrecedence(routes.Where(r => r is HttpRoute or GrpcRoute));
        var routeStatuses = new List<RouteParentStatus>();
        var attachments = new List<GatewayAttachment>();
        foreach (var route in routes)
        {
            TranslateRoute(route, listeners, precedence, context, builder, routeStatuses, attachments);
        }

        foreach (var scope in gatewayScopes)
        {
            builder.Commit(scope);
        }

        return new GatewayApiResult
        {
            RouteStatuses = routeStatuses.ToArray(),
            GatewayStatuses = gateways.Select(g => GatewayStatusOf(g, listeners[(g.Namespace, g.Name)])).ToArray(),
            Attachments = attachments.ToArray(),
            Listeners = listeners.Values.SelectMany(states => states.Where(s => s.Usable))
                .Select(s => new ListenerInfo(s.Gateway.Ref, s.Listener.Name, s.Listener.Port, s.Listener.Protocol, string.IsNullOrEmpty(s.Listener.Hostname) ? null : s.Listener.Hostname))
                .ToArray(),
        };
    }

    private static void TranslateRoute(GatewayRoute route, Dictionary<(string, string), List<ListenerState>> listeners, RoutePrecedence precedence, TranslationContext context, ConfigurationBuilder builder, List<RouteParentStatus> statuses, List<GatewayAttachment> attachments)
    {
        var scope = new ObjectScope(route.Ref, route.Source, route.Lines);
        var parents = RouteAttacher.Attach(route, listeners, context, scope, out var parentUnseen);
        if (parents.Count == 0)
        {
            if (parentUnseen)
            {
                // Its Gateway is not in the input (the admission webhook sees one object): the rules are
                // checked anyway, and what APISIX would refuse is said as a warning, since the Gateway may
                // belong to another controller.
                var detached = new ObjectScope(route.Ref, null);
                TranslateRules(route, [], precedence, context, detached);
                foreach (var finding in detached.Diagnostics)
                {
                    scope.Warning(finding.Code, finding.Path, finding.IsError ? finding.Message + " (its Gateway is not in view: an error if APISIX serves this route)" : finding.Message);
                }
            }

            builder.Commit(scope);
            return;
        }

        var accepted = parents.SelectMany(p => p.Attachments).ToList();

        // Backends are resolved even when no parent accepts the route: ResolvedRefs is reported either way.
        var outputScope = accepted.Count > 0 ? scope : new ObjectScope(route.Ref, null);
        var resolvedRefs = TranslateRules(route, accepted, precedence, context, outputScope);
        if (accepted.Count == 0)
        {
            foreach (var finding in outputScope.Diagnostics)
            {
                scope.Replay(finding, string.Empty);
            }
        }

        var ids = scope.Routes.Select(r => r.Id).Concat(scope.StreamRoutes.Select(r => r.Id)).ToList();
        builder.Commit(scope);
        var produced = !scope.HasErrors;
        foreach (var parent in parents)
        {
            statuses.Add(new RouteParentStatus
            {
                Route = route.Ref,
                Gateway = parent.Gateway.Ref,
                SectionName = parent.Reference.SectionName,
                Port = parent.Reference.Port,
                Conditions = new[] { parent.Accepted, resolvedRefs },
                Listeners = produced ? parent.Attachments.Select(a => a.Listener.Listener.Name).ToArray() : EquatableArray<string>.Empty,
            });
            if (!produced)
            {
                continue;
            }

            foreach (var attachment in parent.Attachments)
            {
                var listener = attachment.Listener.Listener;
                attachments.AddRange(ids.Select(id => new GatewayAttachment(route.Ref, id, parent.Gateway.Ref, listener.Name, listener.Port, listener.Protocol)));
            }
        }
    }

    /// <summary>The route's rules for the listeners that accepted it (none: checked, nothing produced); its ResolvedRefs condition.</summary>
    private static StatusCondition TranslateRules(GatewayRoute route, List<RouteAttacher.Attachment> accepted, RoutePrecedence precedence, TranslationContext context, ObjectScope scope) => route switch
    {
        HttpRoute http => HttpRouteTranslator.Translate(route, http.Rules, accepted, precedence, context, scope),
        GrpcRoute grpc => HttpRouteTranslator.Translate(route, grpc.Rules, accepted, precedence, context, scope),
        L4Route l4 => L4RouteTranslator.Translate(l4, accepted, context, scope),
        _ => StatusCondition.Ok("ResolvedRefs"),
    };

    private static GatewayStatus GatewayStatusOf(Gateway gateway, List<ListenerState> listeners)
    {
        var programmed = listeners.Any(l => l.Conditions.Any(c => c.Type == "Programmed" && c.Status == "True"));
        return new GatewayStatus
        {
            Gateway = gateway.Ref,
            Conditions = new[]
            {
                StatusCondition.Ok("Accepted"),
                programmed ? StatusCondition.Ok("Programmed") : StatusCondition.Failed("Programmed", "Invalid", "no listener can be served"),
            },
            Listeners = listeners.Select(l => new ListenerStatus
            {
                Name = l.Listener.Name,
                AttachedRoutes = l.AttachedRoutes,
                SupportedKinds = l.Kinds.ToArray(),
                Conditions = l.Conditions.ToArray(),
            }).ToArray(),
        };
    }
}
