namespace Apisix.Translation.Kubernetes;

/// <summary>A port of an EndpointSlice or an Endpoints subset.</summary>
public sealed record EndpointPort
{
    /// <summary>The name, equal to the Service port's name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The port number on the endpoint.</summary>
    public int Port { get; init; }

    /// <summary>TCP (default), UDP or SCTP.</summary>
    public string Protocol { get; init; } = "TCP";

    /// <summary>The application protocol.</summary>
    public string? AppProtocol { get; init; }
}
