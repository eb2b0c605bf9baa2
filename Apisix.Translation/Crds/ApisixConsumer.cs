using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.Crds;

/// <summary>An <c>apisix.apache.org/v2</c> ApisixConsumer: one authentication method (and, in 2.x, plugins).</summary>
public sealed record ApisixConsumer : KubernetesObject
{
    /// <inheritdoc />
    public override string Kind => "ApisixConsumer";

    /// <summary><c>spec.ingressClassName</c>.</summary>
    public string? IngressClassName { get; init; }

    /// <summary><c>spec.authParameter</c>, by method name (keyAuth, basicAuth, jwtAuth, wolfRBAC, hmacAuth, ldapAuth).</summary>
    public EquatableMap<ConsumerAuth> AuthParameter { get; init; }

    /// <summary><c>spec.plugins</c> (2.x).</summary>
    public EquatableArray<ApisixPlugin> Plugins { get; init; }
}
