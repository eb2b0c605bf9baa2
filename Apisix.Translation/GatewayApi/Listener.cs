namespace Apisix.Translation.GatewayApi;

/// <summary>One Gateway listener.</summary>
public sealed record Listener
{
    /// <summary>The listener name, unique in the Gateway.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The hostname (may start with <c>*.</c>); null matches every host.</summary>
    public string? Hostname { get; init; }

    /// <summary>The port.</summary>
    public int Port { get; init; }

    /// <summary>HTTP, HTTPS, TLS, TCP or UDP.</summary>
    public string Protocol { get; init; } = string.Empty;

    /// <summary><c>tls.mode</c>: Terminate (default) or Passthrough.</summary>
    public string? TlsMode { get; init; }

    /// <summary><c>tls.certificateRefs</c>.</summary>
    public EquatableArray<ObjectReference> CertificateRefs { get; init; }

    /// <summary><c>allowedRoutes.namespaces.from</c>: Same (default), All or Selector.</summary>
    public string AllowedNamespacesFrom { get; init; } = "Same";

    /// <summary><c>allowedRoutes.namespaces.selector</c>.</summary>
    public LabelSelector? AllowedNamespacesSelector { get; init; }

    /// <summary><c>allowedRoutes.kinds</c>; empty means the protocol's default kinds.</summary>
    public EquatableArray<ObjectReference> AllowedKinds { get; init; }
}
