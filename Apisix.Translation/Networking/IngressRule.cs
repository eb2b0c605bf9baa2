namespace Apisix.Translation.Networking;

/// <summary>One <c>spec.rules[]</c> entry.</summary>
public sealed record IngressRule
{
    /// <summary>The host; empty matches every host.</summary>
    public string? Host { get; init; }

    /// <summary><c>http.paths</c>; null when the rule has no <c>http</c> block.</summary>
    public EquatableArray<IngressPath>? Paths { get; init; }
}
