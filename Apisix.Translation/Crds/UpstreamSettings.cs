namespace Apisix.Translation.Crds;

/// <summary>The upstream settings of an ApisixUpstream (top level or per port).</summary>
public sealed record UpstreamSettings
{
    /// <summary><c>loadbalancer</c>.</summary>
    public LoadBalancerSettings? LoadBalancer { get; init; }

    /// <summary><c>scheme</c>: http, https, grpc or grpcs.</summary>
    public string? Scheme { get; init; }

    /// <summary><c>retries</c>.</summary>
    public int? Retries { get; init; }

    /// <summary><c>timeout</c>.</summary>
    public DurationTimeout? Timeout { get; init; }

    /// <summary><c>passHost</c>: pass, node or rewrite.</summary>
    public string? PassHost { get; init; }

    /// <summary><c>upstreamHost</c>, used with passHost rewrite.</summary>
    public string? UpstreamHost { get; init; }

    /// <summary><c>tlsSecret</c>: the client certificate for upstream mTLS.</summary>
    public SecretReference? TlsSecret { get; init; }

    /// <summary><c>healthCheck</c>.</summary>
    public HealthCheckSettings? HealthCheck { get; init; }

    /// <summary><c>discovery</c>.</summary>
    public DiscoverySettings? Discovery { get; init; }
}
