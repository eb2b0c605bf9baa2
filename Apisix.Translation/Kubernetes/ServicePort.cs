namespace Apisix.Translation.Kubernetes;

/// <summary>One entry of a Service's <c>spec.ports</c>.</summary>
public sealed record ServicePort
{
    /// <summary>The port's name; empty when the Service has a single unnamed port.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The port the Service listens on.</summary>
    public int Port { get; init; }

    /// <summary>The pod port, by number or name.</summary>
    public IntOrString? TargetPort { get; init; }

    /// <summary>TCP (default), UDP or SCTP.</summary>
    public string Protocol { get; init; } = "TCP";

    /// <summary>The application protocol, e.g. <c>kubernetes.io/h2c</c>.</summary>
    public string? AppProtocol { get; init; }
}
