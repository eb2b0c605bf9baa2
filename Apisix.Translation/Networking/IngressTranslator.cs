using System.Text.Json.Nodes;
using Apisix.Translation.Config;
using Apisix.Translation.Crds;
using Apisix.Translation.GatewayApi;
using Apisix.Translation.Translators;

namespace Apisix.Translation.Networking;

/// <summary>
/// An Ingress to routes, upstreams and ssls (reference §3.2, 1.x): one route per rule path named
/// <c>ing_{ns}_{name}_{GenID(host + path)}</c>, path types to URIs, Service backends to upstreams that
/// always carry a timeout, annotations to plugins, and <c>spec.tls</c> to ssls (deviation 4 ids).
/// </summary>
internal static class IngressTranslator
{
    /// <summary>Regex paths get this priority, as in 1.x, so they are tried before the plain catch-all.</summary>
    public const int RegexPriority = 100;

    private static readonly EquatableArray<string> CatchAll = new[] { "/*" };

    public static void Translate(Ingress ingress, TranslationContext context, ObjectScope scope)
    {
        var annotations = IngressAnnotations.Parse(ingress.Metadata.Annotations, scope);
        var serviceNamespace = annotations.ServiceNamespace ?? ingress.Namespace;

        var pluginConfigId = annotations.PluginConfigName is { } pluginConfig
            ? PluginConfigReference.Check(ingress.Namespace, pluginConfig, IngressAnnotations.PathOf("plugin-config-name"), context, scope)
            : null;
        var template = new Route
        {
            Id = string.Empty,
            Desc = ManagedLabels.Description,
            // 1.x Ingress routes carry only the default label; object labels are copied for ApisixRoute alone.
            Labels = ManagedLabels.ManagedBy,
            EnableWebsocket = annotations.EnableWebsocket ? true : null,
            Plugins = annotations.Plugins.IsEmpty ? null : annotations.Plugins,
            PluginConfigId = pluginConfigId,
        };

        for (var i = 0; i < ingress.Rules.Count; i++)
        {
            var rule = ingress.Rules[i];
            if (rule.Paths is not { } paths)
            {
                continue;
            }

            for (var j = 0; j < paths.Count; j++)
            {
                var path = $"spec.rules[{i}].http.paths[{j}]";
                var route = PathRoute(ingress, rule.Host, paths[j], annotations, path, template, scope);
                if (route is not null)
                {
                    scope.Routes.Add(route with { UpstreamId = Upstream(ingress, paths[j].Backend, serviceNamespace, annotations, $"{path}.backend", context, scope) });
                }
            }
        }

        if (ingress.DefaultBackend is { } defaultBackend)
        {
            // Not translated by 1.x. A catch-all that loses to every explicit rule (priority -1).
            var name = $"ing_{ingress.Namespace}_{ingress.Name}_default-backend";
            scope.Routes.Add(template with
            {
                Id = IdGenerator.GenId(name),
                Name = name,
                Uris = CatchAll,
                Priority = -1,
                UpstreamId = Upstream(ingress, defaultBackend, serviceNamespace, annotations, "spec.defaultBackend", context, scope),
            });
        }

        for (var k = 0; k < ingress.Tls.Count; k++)
        {
            IngressTlsTranslator.Translate(ingress, ingress.Tls[k], k, context, scope);
        }
    }

    private static Route? PathRoute(Ingress ingress, string? host, IngressPath ingressPath, IngressAnnotations annotations, string path, Route template, ObjectScope scope)
    {
        // The id hashes the path as written (1.x), even when empty; the URI needs at least "/".
        var written = ingressPath.Path ?? string.Empty;
        var value = written.Length == 0 ? "/" : written;
        var regex = annotations.UseRegex && ingressPath.PathType == "ImplementationSpecific";
        if (!regex && !value.StartsWith('/'))
        {
            scope.Error(DiagnosticCodes.InvalidValue, $"{path}.path", $"'{value}' must start with /");
            return null;
        }

        if (ingressPath.PathType is not ("Exact" or "Prefix" or "ImplementationSpecific"))
        {
            scope.Error(DiagnosticCodes.InvalidValue, $"{path}.pathType", ingressPath.PathType is null
                ? "is required (Exact, Prefix or ImplementationSpecific)"
                : $"'{ingressPath.PathType}' is not Exact, Prefix or ImplementationSpecific");
            return null;
        }

        if (regex && RegexCheck.Error(value) is { } problem)
        {
            scope.Error(DiagnosticCodes.InvalidValue, $"{path}.path", $"'{RegexCheck.Shown(value)}' is not a valid regular expression: {problem} ({IngressAnnotations.Prefix}use-regex is true)");
            return null;
        }

        var name = $"ing_{ingress.Namespace}_{ingress.Name}_{IdGenerator.GenId((host ?? string.Empty) + written)}";
        var route = template with
        {
            Id = IdGenerator.GenId(name),
            Name = name,
            Host = string.IsNullOrEmpty(host) ? null : host,
        };
        if (regex)
        {
            return route with
            {
                Uris = CatchAll,
                Vars = new JsonBlob(new JsonArray(new JsonArray("uri", "~~", value))),
                Priority = RegexPriority,
            };
        }

        return route with
        {
            Uris = ingressPath.PathType == "Prefix"
                ? new[] { value, value.EndsWith('/') ? value + "*" : value + "/*" }
                : new[] { value },
        };
    }

    /// <summary>The upstream id for a backend, with the annotation overrides applied; null for a resource backend.</summary>
    private static string? Upstream(Ingress ingress, IngressBackend backend, string serviceNamespace, IngressAnnotations annotations, string path, TranslationContext context, ObjectScope scope)
    {
        if (backend.ServiceName is null)
        {
            if (backend.ResourceKind is not null)
            {
                scope.Warning(DiagnosticCodes.Suspicious, $"{path}.resource", $"{backend.ResourceKind} backends are not served; the route has no upstream");
            }
            else
            {
                scope.Error(DiagnosticCodes.RequiredField, $"{path}.service", "a service or resource backend is required");
            }

            return null;
        }

        if (!ReferenceGrants.Permit(context, "networking.k8s.io", "Ingress", ingress.Namespace, string.Empty, "Service", serviceNamespace, backend.ServiceName) && !context.Options.AllowCrossNamespaceServices)
        {
            scope.Error(DiagnosticCodes.RefNotPermitted, IngressAnnotations.PathOf("svc-namespace"), $"Service {serviceNamespace}/{backend.ServiceName} may only be used with a ReferenceGrant in {serviceNamespace} from networking.k8s.io Ingress in {ingress.Namespace} to that Service");
            return null;
        }

        var routeBackend = new ApisixRouteBackend { ServiceName = backend.ServiceName, ServicePort = backend.ServicePort };
        var upstream = ServiceBackendTranslator.Resolve(routeBackend, serviceNamespace, $"{path}.service", context, scope, IngressFieldNames);
        if (upstream is null)
        {
            return null;
        }

        // Every 1.x Ingress upstream carries a timeout: 60 s each, then the annotations.
        var timeout = upstream.Timeout ?? new TimeoutSeconds(60, 60, 60);
        timeout = new TimeoutSeconds(annotations.Timeouts.Connect ?? timeout.Connect, annotations.Timeouts.Send ?? timeout.Send, annotations.Timeouts.Read ?? timeout.Read);
        upstream = upstream with
        {
            Scheme = annotations.Scheme ?? upstream.Scheme,
            Retries = annotations.Retries is > 0 ? annotations.Retries : upstream.Retries,
            Timeout = timeout,
        };
        scope.Upstreams.Add(upstream);
        return upstream.Id;
    }

    /// <summary>Ingress backends call the fields <c>name</c> and <c>port</c>.</summary>
    private static string IngressFieldNames(string path) => path switch
    {
        ".serviceName" => ".name",
        ".servicePort" => ".port",
        _ => path,
    };
}
