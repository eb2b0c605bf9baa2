namespace Apisix.Translation.Crds.V1Alpha1;

/// <summary>A key of a Secret in the referring object's namespace (<c>secretKeyRef</c>).</summary>
public sealed record SecretKeyReference
{
    /// <summary>The Secret's name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The key in the Secret's data.</summary>
    public string Key { get; init; } = string.Empty;
}
