namespace Apisix.Translation.Crds.V1Alpha1;

/// <summary>A GatewayProxy's <c>spec.provider.controlPlane.auth</c>.</summary>
public sealed record ControlPlaneAuth
{
    /// <summary><c>type</c>: <c>AdminKey</c>, the only value.</summary>
    public string? Type { get; init; }

    /// <summary><c>adminKey.value</c>: the key itself.</summary>
    public string? AdminKeyValue { get; init; }

    /// <summary><c>adminKey.valueFrom.secretKeyRef</c>: where the key is kept instead.</summary>
    public SecretKeyReference? AdminKeySecret { get; init; }

    /// <summary>True when <c>adminKey</c> is given, even without its fields.</summary>
    public bool HasAdminKey { get; init; }

    /// <summary>Leaves the admin key out.</summary>
    public override string ToString() => $"ControlPlaneAuth {{ Type = {Type}, AdminKeySecret = {AdminKeySecret} }}";
}
