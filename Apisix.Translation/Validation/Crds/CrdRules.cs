using Apisix.Translation.Crds;
using Apisix.Translation.Kubernetes;
using Apisix.Translation.Translators;

namespace Apisix.Translation.Validation.Crds;

/// <summary>
/// The CRD schemas of the APISIX kinds (reference §1): what the API server would refuse (enums, ranges,
/// required fields, one-of) plus the cross-field rules, each finding at its CRD field path.
/// </summary>
/// <remarks>
/// Plain code rather than a validation framework: the admission webhook runs these on every review, mostly
/// on a processor that has been idle since the last one, and a rule here is a comparison, not a walk through
/// a generic pipeline. A path is built only for a finding.
/// </remarks>
internal static partial class CrdRules
{
    /// <summary>The findings for one object, in field order: (field path, message).</summary>
    public static IReadOnlyList<(string Path, string Message)> Check(KubernetesObject item)
    {
        var findings = new Findings();
        switch (item)
        {
            case ApisixRoute route:
                Route(route, findings);
                break;
            case ApisixUpstream upstream:
                Upstream(upstream, findings);
                break;
            case ApisixTls tls:
                Tls(tls, findings);
                break;
            case ApisixConsumer consumer:
                Consumer(consumer, findings);
                break;
            case ApisixPluginConfig pluginConfig:
                findings.Check(pluginConfig.Plugins.Count > 0, "spec.plugins", "is required");
                Plugins(pluginConfig.Plugins, "spec.plugins", findings);
                break;
            case ApisixGlobalRule globalRule:
                findings.Check(globalRule.Plugins.Count > 0, "spec.plugins", "is required");
                Plugins(globalRule.Plugins, "spec.plugins", findings);
                break;
            case ApisixClusterConfig clusterConfig:
                ClusterConfig(clusterConfig, findings);
                break;
            default:
                CheckV1Alpha1(item, findings);
                break;
        }

        return findings.Items;
    }

    private static void Route(ApisixRoute route, Findings findings)
    {
        findings.Check(!route.Http.IsEmpty || !route.Stream.IsEmpty, "spec", "needs http or stream rules");
        for (var i = 0; i < route.Http.Count; i++)
        {
            var http = route.Http[i];
            var match = http.Match;
            if (string.IsNullOrWhiteSpace(http.Name))
            {
                findings.Add($"spec.http[{i}].name", "is required");
            }

            if (match.Paths.Count == 0)
            {
                findings.Add($"spec.http[{i}].match.paths", "at least one path is required");
            }

            for (var j = 0; j < match.Methods.Count; j++)
            {
                if (!CrdValues.Methods.Contains(match.Methods[j]))
                {
                    findings.Add($"spec.http[{i}].match.methods[{j}]", CrdValues.OneOf(CrdValues.Methods));
                }
            }

            for (var j = 0; j < match.Exprs.Count; j++)
            {
                var expr = match.Exprs[j];
                if (!CrdValues.Scopes.Contains(expr.Scope))
                {
                    findings.Add($"spec.http[{i}].match.exprs[{j}].subject.scope", CrdValues.OneOf(CrdValues.Scopes));
                }

                if (!CrdValues.Operators.Contains(expr.Op))
                {
                    findings.Add($"spec.http[{i}].match.exprs[{j}].op", CrdValues.OneOf(CrdValues.Operators));
                }

                if ((expr.Value is null) == (expr.Set is null))
                {
                    findings.Add($"spec.http[{i}].match.exprs[{j}].value", "exactly one of value and set is required");
                }
            }

            if (http.Backends.IsEmpty && http.Upstreams.IsEmpty)
            {
                findings.Add($"spec.http[{i}].backends", "a rule needs backends or upstreams");
            }

            for (var j = 0; j < http.Backends.Count; j++)
            {
                Backend(http.Backends[j], "http", i, "backends", j, findings);
            }

            for (var j = 0; j < http.Upstreams.Count; j++)
            {
                if (string.IsNullOrWhiteSpace(http.Upstreams[j].Name))
                {
                    findings.Add($"spec.http[{i}].upstreams[{j}].name", "is required");
                }
            }

            if (http.PluginConfigName is { Length: 0 })
            {
                findings.Add($"spec.http[{i}].plugin_config_name", "must not be empty");
            }

            // The enum holds whether or not the authentication is enabled; a missing type is refused only when it is (2.x requires it).
            if (http.Authentication is { } authentication && (authentication.Enable || authentication.Type.Length > 0) && !CrdValues.AuthenticationTypes.Contains(authentication.Type))
            {
                findings.Add($"spec.http[{i}].authentication.type", CrdValues.OneOf(CrdValues.AuthenticationTypes));
            }

            if (!http.Plugins.IsEmpty)
            {
                Plugins(http.Plugins, $"spec.http[{i}].plugins", findings);
            }
        }

        for (var i = 0; i < route.Stream.Count; i++)
        {
            var stream = route.Stream[i];
            if (string.IsNullOrWhiteSpace(stream.Name))
            {
                findings.Add($"spec.stream[{i}].name", "is required");
            }

            if (!CrdValues.Protocols.Contains(stream.Protocol))
            {
                findings.Add($"spec.stream[{i}].protocol", CrdValues.OneOf(CrdValues.Protocols));
            }

            if (stream.IngressPort is < 1 or > 65535)
            {
                findings.Add($"spec.stream[{i}].match.ingressPort", "must be between 1 and 65535");
            }

            Backend(stream.Backend, "stream", i, "backend", -1, findings);

            if (!stream.Plugins.IsEmpty)
            {
                Plugins(stream.Plugins, $"spec.stream[{i}].plugins", findings);
            }
        }
    }

    /// <summary>
    /// An http backend (<c>spec.http[i].backends[j]</c>) or a stream rule's backend (<c>spec.stream[i].backend</c>,
    /// <paramref name="j"/> -1): the Service and its port are required, the granularity is one of two, a weight is
    /// not negative. The path is written out only for a finding.
    /// </summary>
    private static void Backend(ApisixRouteBackend backend, string rules, int i, string field, int j, Findings findings)
    {
        string At(string leaf) => j < 0 ? $"spec.{rules}[{i}].{field}.{leaf}" : $"spec.{rules}[{i}].{field}[{j}].{leaf}";
        if (string.IsNullOrWhiteSpace(backend.ServiceName))
        {
            findings.Add(At("serviceName"), "is required");
        }

        if (backend.ServicePort is null)
        {
            findings.Add(At("servicePort"), "is required");
        }

        if (backend.ResolveGranularity is { } granularity && !CrdValues.Granularities.Contains(granularity))
        {
            findings.Add(At("resolveGranularity"), CrdValues.OneOf(CrdValues.Granularities));
        }

        if (backend.Weight < 0)
        {
            findings.Add(At("weight"), "must not be negative");
        }
    }

    private static void Upstream(ApisixUpstream upstream, Findings findings)
    {
        Settings(upstream.Settings, "spec", CrdValues.UpstreamSchema, findings);
        for (var i = 0; i < upstream.PortLevelSettings.Count; i++)
        {
            var port = upstream.PortLevelSettings[i];
            if (port.Port is < 1 or > 65535)
            {
                findings.Add($"spec.portLevelSettings[{i}].port", "must be between 1 and 65535");
            }

            var at = $"spec.portLevelSettings[{i}]";
            Settings(port.Settings, at, CrdValues.PortLevelSchema, findings);
            Subsets(port.Subsets, at, findings);
        }

        for (var i = 0; i < upstream.ExternalNodes.Count; i++)
        {
            var node = upstream.ExternalNodes[i];
            if (string.IsNullOrWhiteSpace(node.Name))
            {
                findings.Add($"spec.externalNodes[{i}].name", "is required");
            }

            if (node.Port is < 1 or > 65535)
            {
                findings.Add($"spec.externalNodes[{i}].port", "must be between 1 and 65535");
            }

            if (node.Weight < 0)
            {
                findings.Add($"spec.externalNodes[{i}].weight", "must not be negative");
            }
        }

        Subsets(upstream.Subsets, "spec", findings);
    }

    /// <summary>The subsets of an ApisixUpstream or of one of its ports: each names its pod labels.</summary>
    private static void Subsets(EquatableArray<UpstreamSubset> subsets, string at, Findings findings)
    {
        for (var i = 0; i < subsets.Count; i++)
        {
            var subset = subsets[i];
            if (string.IsNullOrWhiteSpace(subset.Name))
            {
                findings.Add($"{at}.subsets[{i}].name", "is required");
            }

            if (subset.Labels.IsEmpty)
            {
                findings.Add($"{at}.subsets[{i}].labels", "at least one label is required");
            }
        }
    }

    /// <summary>
    /// loadbalancer, scheme, retries, passHost, tlsSecret and the health check shape: an ApisixUpstream's at the
    /// top level and per port, a BackendTrafficPolicy's; <paramref name="schema"/> holds how these differ.
    /// </summary>
    private static void Settings(UpstreamSettings settings, string at, CrdValues.SettingsSchema schema, Findings findings)
    {
        if (settings.LoadBalancer is { } balancer)
        {
            if (balancer.Type is null || !CrdValues.Balancers.Contains(balancer.Type))
            {
                findings.Add($"{at}.loadbalancer.type", CrdValues.OneOf(CrdValues.Balancers));
            }

            if (balancer.HashOn is { } hashOn && !CrdValues.HashOn.Contains(hashOn))
            {
                findings.Add($"{at}.loadbalancer.hashOn", CrdValues.OneOf(CrdValues.HashOn));
            }

            if (balancer is { Type: "chash" } && balancer.HashOn != "consumer" && string.IsNullOrWhiteSpace(balancer.Key))
            {
                findings.Add($"{at}.loadbalancer.key", "is required for chash");
            }
        }

        if (settings.Scheme is { } scheme && !schema.Schemes.Contains(scheme))
        {
            findings.Add($"{at}.scheme", CrdValues.OneOf(schema.Schemes));
        }

        if (settings.Retries < 0)
        {
            findings.Add($"{at}.retries", "must not be negative");
        }

        if (!string.IsNullOrEmpty(settings.PassHost) && !CrdValues.PassHost.Contains(settings.PassHost))
        {
            findings.Add($"{at}.passHost", CrdValues.OneOf(CrdValues.PassHost));
        }

        if (settings.PassHost == "rewrite" && string.IsNullOrWhiteSpace(settings.UpstreamHost))
        {
            findings.Add($"{at}.upstreamHost", "is required when passHost is rewrite");
        }

        if (settings.TlsSecret is { } tlsSecret && string.IsNullOrWhiteSpace(tlsSecret.Namespace))
        {
            findings.Add($"{at}.tlsSecret.namespace", "is required");
        }

        if (settings.HealthCheck is { } healthCheck)
        {
            if (healthCheck.Active is not { } active)
            {
                findings.Add($"{at}.healthCheck.active", "is required when healthCheck is set");
            }
            else
            {
                if (active.Type is { } activeType && !CrdValues.CheckTypes.Contains(activeType))
                {
                    findings.Add($"{at}.healthCheck.active.type", CrdValues.OneOf(CrdValues.CheckTypes));
                }

                if (active.Port is < 1 or > 65535)
                {
                    findings.Add($"{at}.healthCheck.active.port", "must be between 1 and 65535");
                }

                if (active.Concurrency < schema.LeastCount)
                {
                    findings.Add($"{at}.healthCheck.active.concurrency", schema.LeastCount == 0 ? "must not be negative" : $"must be at least {schema.LeastCount}");
                }

                // The schema's ranges; the translation also takes 0 as "not set", as 1.x's translator did.
                ProbeCount(active.Healthy?.Successes, schema.LeastCount, at, "healthy.successes", findings);
                ProbeCount(active.Unhealthy?.HttpFailures, 1, at, "unhealthy.httpFailures", findings);
                ProbeCount(active.Unhealthy?.TcpFailures, 1, at, "unhealthy.tcpFailures", findings);
                ProbeCount(active.Unhealthy?.Timeouts, 1, at, "unhealthy.timeouts", findings);
            }

            if (healthCheck.Passive?.Type is { } passiveType && !CrdValues.CheckTypes.Contains(passiveType))
            {
                findings.Add($"{at}.healthCheck.passive.type", CrdValues.OneOf(CrdValues.CheckTypes));
            }
        }
    }

    /// <summary>An active health check's success or failure count: <paramref name="least"/> to 254.</summary>
    private static void ProbeCount(int? count, int least, string at, string field, Findings findings)
    {
        if (count < least || count > 254)
        {
            findings.Add($"{at}.healthCheck.active.{field}", $"must be between {least} and 254");
        }
    }

    private static void Tls(ApisixTls tls, Findings findings)
    {
        findings.Check(tls.Hosts.Count > 0, "spec.hosts", "at least one host is required");
        if (tls.Secret is not { } secret)
        {
            findings.Add("spec.secret", "is required");
        }
        else
        {
            findings.Check(!string.IsNullOrWhiteSpace(secret.Name), "spec.secret.name", "is required");
            findings.Check(!string.IsNullOrWhiteSpace(secret.Namespace), "spec.secret.namespace", "is required");
        }

        if (tls.Client is { } client)
        {
            findings.Check(client.CaSecret is not null, "spec.client.caSecret", "is required when client is set");
            findings.Check(client.Depth is not < 0, "spec.client.depth", "must not be negative");
        }
    }

    /// <summary>
    /// 1.x: one auth method (2.x: or plugins instead), never two; each given as a value or a Secret, not
    /// both. The translation reports the first method's value and secretRef problems at the same paths.
    /// </summary>
    private static void Consumer(ApisixConsumer consumer, Findings findings)
    {
        var methods = consumer.AuthParameter;
        findings.Check(!methods.IsEmpty || !consumer.Plugins.IsEmpty, "spec.authParameter", "one auth method is required");
        if (methods.Count > 1)
        {
            findings.Add("spec.authParameter", $"exactly one auth method is allowed, got {string.Join(", ", ApisixConsumerTranslator.Precedence.Where(methods.ContainsKey))}");
        }

        foreach (var (method, auth) in methods)
        {
            if ((auth.Value is null) == (auth.SecretRef is null))
            {
                findings.Add($"spec.authParameter.{method}", "exactly one of value and secretRef is required");
            }
        }

        Plugins(consumer.Plugins, "spec.plugins", findings);
    }

    private static void ClusterConfig(ApisixClusterConfig config, Findings findings)
    {
        if ((config.AdminBaseUrl is not null || config.AdminKey is not null || config.AdminClientTimeout is not null) && string.IsNullOrWhiteSpace(config.AdminBaseUrl))
        {
            findings.Add("spec.admin.baseURL", "is required when admin is set");
        }

        if (config.SkywalkingSampleRatio is { } ratio && ratio is not (>= 0.00001 and <= 1))
        {
            findings.Add("spec.monitoring.skywalking.sampleRatio", "must be between 0.00001 and 1");
        }
    }

    /// <summary>The plugin item every APISIX CRD shares: a name; a config that is an object; a non-empty secretRef.</summary>
    private static void Plugins(EquatableArray<ApisixPlugin> plugins, string at, Findings findings)
    {
        for (var k = 0; k < plugins.Count; k++)
        {
            var plugin = plugins[k];
            if (string.IsNullOrWhiteSpace(plugin.Name))
            {
                findings.Add($"{at}[{k}].name", "is required");
            }

            if (plugin.Config is { } config && config.ValueKind != System.Text.Json.JsonValueKind.Object)
            {
                findings.Add($"{at}[{k}].config", "must be an object");
            }

            if (plugin.SecretRef is { Length: 0 })
            {
                findings.Add($"{at}[{k}].secretRef", "must not be empty");
            }
        }
    }

    /// <summary>The findings of one object; no list until the first one.</summary>
    private sealed class Findings
    {
        private List<(string Path, string Message)>? _items;

        public IReadOnlyList<(string Path, string Message)> Items => _items ?? (IReadOnlyList<(string, string)>)[];

        public void Check(bool valid, string path, string message)
        {
            if (!valid)
            {
                Add(path, message);
            }
        }

        public void Add(string path, string message) => (_items ??= []).Add((path, message));
    }
}
