using System.Text.Json;
using System.Text.RegularExpressions;
using Apisix.Translation.Config;
using Apisix.Translation.Crds;

namespace Apisix.Translation.Translators;

/// <summary>
/// ApisixUpstream settings to upstream fields (reference §2.9), and the checks of an ApisixUpstream as a
/// whole. Errors about the settings are reported on the ApisixUpstream itself, once; routes that use an
/// invalid one fail with a pointer to it.
/// </summary>
internal static partial class ApisixUpstreamTranslator
{
    private static readonly string[] Schemes = ["http", "https", "grpc", "grpcs"];
    private static readonly string[] HashOns = ["vars", "vars_combinations", "header", "cookie", "consumer"];
    private static readonly string[] PassHosts = ["pass", "node", "rewrite"];

    /// <summary>Checks an ApisixUpstream; findings go to its own scope.</summary>
    public static void Validate(ApisixUpstream upstream, TranslationContext context, ObjectScope scope)
    {
        Apply(new Upstream { Id = string.Empty }, upstream.Settings, upstream.Ref, "spec", context, scope);
        var ports = new RepeatFinder<PortLevelSettings, int>(upstream.PortLevelSettings, static setting => setting.Port);
        for (var i = 0; i < upstream.PortLevelSettings.Count; i++)
        {
            var port = upstream.PortLevelSettings[i];
            var path = $"spec.portLevelSettings[{i}]";
            if (port.Port is < 1 or > 65535)
            {
                scope.Error(DiagnosticCodes.InvalidValue, $"{path}.port", $"must be between 1 and 65535, got {port.Port}");
            }

            if (ports.At(i))
            {
                scope.Error(DiagnosticCodes.Duplicate, $"{path}.port", $"port {port.Port} has settings already");
            }

            Apply(new Upstream { Id = string.Empty }, port.Settings, upstream.Ref, path, context, scope);
            CheckSubsetNames(port.Subsets, path, scope);
        }

        CheckSubsetNames(upstream.Subsets, "spec", scope);

        for (var i = 0; i < upstream.ExternalNodes.Count; i++)
        {
            ExternalNodeTranslator.Translate(upstream.ExternalNodes[i], upstream.Namespace, upstream.Settings.Scheme, $"spec.externalNodes[{i}]", context, scope);
        }
    }

    /// <summary>A subset name is defined once in each list.</summary>
    private static void CheckSubsetNames(EquatableArray<UpstreamSubset> subsets, string path, ObjectScope scope)
    {
        var names = new RepeatFinder<UpstreamSubset, string>(subsets, static subset => subset.Name);
        for (var i = 0; i < subsets.Count; i++)
        {
            if (names.At(i))
            {
                scope.Error(DiagnosticCodes.Duplicate, $"{path}.subsets[{i}].name", $"subset '{subsets[i].Name}' is defined twice");
            }
        }
    }

    /// <summary>Applies <paramref name="settings"/> to <paramref name="upstream"/>; problems go to <paramref name="scope"/> at <paramref name="path"/>.</summary>
    public static Upstream Apply(Upstream upstream, UpstreamSettings settings, ObjectRef owner, string path, TranslationContext context, ObjectScope scope)
    {
        var scheme = settings.Scheme ?? "http";
        if (!Schemes.Contains(scheme))
        {
            scope.Error(DiagnosticCodes.InvalidValue, $"{path}.scheme", $"invalid value '{scheme}'; expected one of {string.Join(", ", Schemes)}");
        }

        if (settings.Retries is < 0)
        {
            scope.Error(DiagnosticCodes.InvalidValue, $"{path}.retries", $"must not be negative, got {settings.Retries}");
        }

        var passHost = settings.PassHost;
        if (!string.IsNullOrEmpty(passHost) && !PassHosts.Contains(passHost))
        {
            scope.Error(DiagnosticCodes.InvalidValue, $"{path}.passHost", $"invalid value '{passHost}'; expected one of {string.Join(", ", PassHosts)}");
        }

        if (passHost == "rewrite" && string.IsNullOrEmpty(settings.UpstreamHost))
        {
            scope.Error(DiagnosticCodes.RequiredField, $"{path}.upstreamHost", "is required when passHost is rewrite");
        }

        if (settings.UpstreamHost is { Length: > 0 } host && !HostPattern().IsMatch(host))
        {
            scope.Error(DiagnosticCodes.InvalidValue, $"{path}.upstreamHost", $"'{host}' is not a host name");
        }

        upstream = ApplyLoadBalancer(upstream, settings.LoadBalancer, $"{path}.loadbalancer", scope) with
        {
            Scheme = scheme,
            Retries = settings.Retries,
            Timeout = TimeoutTranslator.Translate(settings.Timeout, $"{path}.timeout", scope, negativeIsError: true),
            PassHost = string.IsNullOrEmpty(passHost) ? null : passHost,
            UpstreamHost = string.IsNullOrEmpty(settings.UpstreamHost) ? null : settings.UpstreamHost,
            Checks = settings.HealthCheck is null ? null : HealthCheckTranslator.Translate(settings.HealthCheck, $"{path}.healthCheck", scope),
        };

        if (settings.TlsSecret is { } tlsSecret)
        {
            var secret = SecretResolver.Resolve(owner, SecretResolver.ApisixGroup, tlsSecret.Namespace, tlsSecret.Name, $"{path}.tlsSecret", context, scope);
            if (secret is not null && SecretResolver.CertificatePair(secret, $"{path}.tlsSecret", scope) is { } pair)
            {
                upstream = upstream with { Tls = new UpstreamTls(pair.Cert, pair.Key) };
            }
        }

        if (settings.Discovery is { } discovery)
        {
            upstream = upstream with
            {
                Nodes = null,
                ServiceName = discovery.ServiceName,
                DiscoveryType = discovery.Type,
                DiscoveryArgs = discovery.Args.IsEmpty ? null : discovery.Args,
            };
        }

        return upstream;
    }

    private static Upstream ApplyLoadBalancer(Upstream upstream, LoadBalancerSettings? balancer, string path, ObjectScope scope)
    {
        var type = string.IsNullOrEmpty(balancer?.Type) ? "roundrobin" : balancer.Type;
        switch (type)
        {
            case "roundrobin" or "least_conn" or "ewma":
                if (!string.IsNullOrEmpty(balancer?.Key) || !string.IsNullOrEmpty(balancer?.HashOn))
                {
                    scope.Warning(DiagnosticCodes.Suspicious, path, $"hashOn and key only apply to chash; ignored for {type}");
                }

                return upstream with { Type = type };
            case "chash":
                var hashOn = balancer!.HashOn ?? string.Empty;
                if (!HashOns.Contains(hashOn))
                {
                    scope.Error(DiagnosticCodes.InvalidValue, $"{path}.hashOn", $"invalid value '{hashOn}'; chash needs one of {string.Join(", ", HashOns)}");
                }

                if (hashOn != "consumer" && string.IsNullOrEmpty(balancer.Key))
                {
                    scope.Error(DiagnosticCodes.RequiredField, $"{path}.key", $"is required for chash on {hashOn}");
                }

                return upstream with { Type = type, HashOn = hashOn, Key = string.IsNullOrEmpty(balancer.Key) ? null : balancer.Key };
            default:
                scope.Error(DiagnosticCodes.InvalidValue, $"{path}.type", $"invalid value '{type}'; expected one of roundrobin, chash, ewma, least_conn");
                return upstream;
        }
    }

    [GeneratedRegex(@"^\*?[0-9a-zA-Z-._]+$")]
    private static partial Regex HostPattern();
}
