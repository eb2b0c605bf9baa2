namespace Apisix.Translation.Crds;

/// <summary>One <c>externalNodes[]</c> entry.</summary>
public sealed record ExternalNode
{
    /// <summary>A domain name, or the name of an ExternalName Service.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary><c>Domain</c> or <c>Service</c>.</summary>
    public string Type { get; init; } = string.Empty;

    /// <summary>Node weight; default 100.</summary>
    public int? Weight { get; init; }

    /// <summary>Port; default 80, or 443 for https/grpcs.</summary>
    public int? Port { get; init; }
}
