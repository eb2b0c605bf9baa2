namespace Apisix.Translation.Crds.V1Alpha1;

/// <summary>A GatewayProxy's <c>spec.provider</c>.</summary>
public sealed record GatewayProxyProvider
{
    /// <summary><c>type</c>: <c>ControlPlane</c>, the only value.</summary>
    public string? Type { get; init; }

    /// <summary><c>controlPlane</c>, required when the type is ControlPlane.</summary>
    public ControlPlaneProvider? ControlPlane { get; init; }
}
