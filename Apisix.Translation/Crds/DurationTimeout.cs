namespace Apisix.Translation.Crds;

/// <summary>A <c>timeout</c> block whose fields are Go duration strings (<c>"5s"</c>, <c>"1m30s"</c>).</summary>
public sealed record DurationTimeout
{
    /// <summary>Connect timeout.</summary>
    public string? Connect { get; init; }

    /// <summary>Send timeout.</summary>
    public string? Send { get; init; }

    /// <summary>Read timeout.</summary>
    public string? Read { get; init; }
}
