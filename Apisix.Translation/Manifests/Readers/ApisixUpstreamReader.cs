using Apisix.Translation.Crds;
using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.Manifests.Readers;

/// <summary>Reads an ApisixUpstream strictly; 2.x spellings (unhealthy <c>timeout</c>, port-level passHost and the like) are accepted.</summary>
internal static class ApisixUpstreamReader
{
    public static ApisixUpstream Read(FieldReader root, ObjectMeta metadata)
    {
        var upstream = root.Spec(spec => new ApisixUpstream
        {
            Metadata = metadata,
            IngressClassName = spec.String("ingressClassName"),
            Settings = ReadSettings(spec, policy: false),
            ExternalNodes = spec.List("externalNodes", node => new ExternalNode
            {
                Name = node.RequiredString("name"),
                Type = node.String("type") ?? string.Empty,
                Weight = node.Int("weight"),
                Port = node.Int("port"),
            }),
            Subsets = spec.List("subsets", ReadSubset),
            PortLevelSettings = spec.List("portLevelSettings", port => new PortLevelSettings
            {
                Port = port.Int("port") ?? 0,
                Settings = ReadSettings(port, policy: false),
                Subsets = port.List("subsets", ReadSubset),
            }),
        });
        return upstream ?? new ApisixUpstream { Metadata = metadata };
    }

    private static UpstreamSubset ReadSubset(FieldReader subset) => new()
    {
        Name = subset.RequiredString("name"),
        Labels = subset.StringMap("labels"),
    };

    /// <summary>A BackendTrafficPolicy's upstream settings (2.x v1alpha1).</summary>
    public static UpstreamSettings ReadPolicySettings(FieldReader settings) => ReadSettings(settings, policy: true);

    /// <summary>
    /// An ApisixUpstream's settings, or (<paramref name="policy"/>) a BackendTrafficPolicy's: the same less
    /// tlsSecret and discovery, and an unhealthy timeout count spelled <c>timeouts</c> only.
    /// </summary>
    private static UpstreamSettings ReadSettings(FieldReader settings, bool policy) => new()
    {
        LoadBalancer = settings.Object("loadbalancer", lb => new LoadBalancerSettings
        {
            Type = lb.String("type"),
            HashOn = lb.String("hashOn"),
            Key = lb.String("key"),
        }),
        Scheme = settings.String("scheme"),
        Retries = settings.Int("retries"),
        Timeout = settings.Object("timeout", ApisixRouteReader.ReadTimeout),
        PassHost = settings.String("passHost"),
        UpstreamHost = settings.String("upstreamHost"),
        TlsSecret = policy ? null : settings.Object("tlsSecret", ReadSecretReference),
        HealthCheck = settings.Object("healthCheck", check => ReadHealthCheck(check, policy)),
        Discovery = policy ? null : settings.Object("discovery", d => new DiscoverySettings
        {
            ServiceName = d.RequiredString("serviceName"),
            Type = d.RequiredString("type"),
            Args = d.StringMap("args"),
        }),
    };

    public static SecretReference ReadSecretReference(FieldReader secret) => new()
    {
        Name = secret.RequiredString("name"),
        Namespace = secret.String("namespace"),
    };

    private static HealthCheckSettings ReadHealthCheck(FieldReader check, bool policy) => new()
    {
        Active = check.Object("active", active => new ActiveHealthCheck
        {
            Type = active.String("type"),
            Timeout = active.Json("timeout"),
            Concurrency = active.Int("concurrency"),
            Host = active.String("host"),
            Port = active.Int("port"),
            HttpPath = active.String("httpPath"),
            StrictTls = active.Bool("strictTLS"),
            RequestHeaders = active.StringList("requestHeaders"),
            Healthy = active.Object("healthy", h => ReadHealthy(h, probed: true)),
            Unhealthy = active.Object("unhealthy", u => ReadUnhealthy(u, probed: true, policy)),
        }),
        Passive = check.Object("passive", passive => new PassiveHealthCheck
        {
            Type = passive.String("type"),
            Healthy = passive.Object("healthy", h => ReadHealthy(h, probed: false)),
            Unhealthy = passive.Object("unhealthy", u => ReadUnhealthy(u, probed: false, policy)),
        }),
    };

    /// <summary>A healthy block; only an active check (<paramref name="probed"/>) has an <c>interval</c>.</summary>
    private static HealthyThresholds ReadHealthy(FieldReader healthy, bool probed) => new()
    {
        Interval = probed ? healthy.String("interval") : null,
        HttpCodes = healthy.Has("httpCodes") ? healthy.IntList("httpCodes") : (EquatableArray<int>?)null,
        Successes = healthy.Int("successes"),
    };

    /// <summary>An unhealthy block; only an active check (<paramref name="probed"/>) has an <c>interval</c>.</summary>
    private static UnhealthyThresholds ReadUnhealthy(FieldReader unhealthy, bool probed, bool policy) => new()
    {
        Interval = probed ? unhealthy.String("interval") : null,
        HttpCodes = unhealthy.Has("httpCodes") ? unhealthy.IntList("httpCodes") : (EquatableArray<int>?)null,
        HttpFailures = unhealthy.Int("httpFailures"),
        TcpFailures = unhealthy.Int("tcpFailures"),
        Timeouts = ReadTimeouts(unhealthy, policy),
    };

    /// <summary>
    /// 1.x's CRD spells it <c>timeouts</c>, 2.x's <c>timeout</c>; both mean the same count (deviation 6), and 1.x's
    /// wins. A BackendTrafficPolicy (<paramref name="policy"/>) spells it <c>timeouts</c> only.
    /// </summary>
    private static int? ReadTimeouts(FieldReader unhealthy, bool policy)
    {
        var timeouts = unhealthy.Int("timeouts");
        if (policy)
        {
            return timeouts;
        }

        var timeout = unhealthy.Int("timeout");
        return timeouts ?? timeout;
    }
}
