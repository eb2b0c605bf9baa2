using Apisix.Translation.Kubernetes;

namespace Apisix.Translation.Networking;

/// <summary>An Ingress backend: a Service port, or a typed resource reference.</summary>
public sealed record IngressBackend
{
    /// <summary><c>service.name</c>.</summary>
    public string? ServiceName { get; init; }

    /// <summary><c>service.port.number</c> or <c>service.port.name</c>.</summary>
    public IntOrString? ServicePort { get; init; }

    /// <summary><c>resource</c>: a reference to a non-Service object.</summary>
    public string? ResourceKind { get; init; }

    /// <summary><c>resource.name</c>.</summary>
    public string? ResourceName { get; init; }
}
