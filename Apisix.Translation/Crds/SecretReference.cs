namespace Apisix.Translation.Crds;

/// <summary>A reference to a Secret by namespace and name.</summary>
public sealed record SecretReference
{
    /// <summary>The Secret's name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The Secret's namespace; null means the referring object's.</summary>
    public string? Namespace { get; init; }
}
