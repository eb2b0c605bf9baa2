namespace Apisix.Translation.Networking;

/// <summary>One <c>http.paths[]</c> entry.</summary>
public sealed record IngressPath
{
    /// <summary>The path.</summary>
    public string? Path { get; init; }

    /// <summary>Exact, Prefix or ImplementationSpecific.</summary>
    public string? PathType { get; init; }

    /// <summary>Where matching requests go.</summary>
    public IngressBackend Backend { get; init; } = new();
}
