namespace Apisix.Translation.Crds.V1Alpha1;

/// <summary>A GatewayProxy's <c>spec.provider.controlPlane</c>: how to reach the APISIX Admin API.</summary>
public sealed record ControlPlaneProvider
{
    /// <summary><c>mode</c>: <c>apisix</c> or <c>apisix-standalone</c>.</summary>
    public string? Mode { get; init; }

    /// <summary><c>endpoints</c>: Admin API URLs; exactly one of these and <see cref="ServiceName"/> is given.</summary>
    public EquatableArray<string> Endpoints { get; init; }

    /// <summary><c>service.name</c>: the Service in front of the Admin API.</summary>
    public string? ServiceName { get; init; }

    /// <summary><c>service.port</c>.</summary>
    public int? ServicePort { get; init; }

    /// <summary>True when <c>service</c> is given, even without its fields.</summary>
    public bool HasService { get; init; }

    /// <summary><c>tlsVerify</c>.</summary>
    public bool? TlsVerify { get; init; }

    /// <summary><c>auth</c> (required).</summary>
    public ControlPlaneAuth? Auth { get; init; }
}
