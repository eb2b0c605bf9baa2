namespace Apisix.Translation.Config;

/// <summary><c>checks.passive</c>.</summary>
public sealed record PassiveCheck
{
    /// <summary>http, https or tcp.</summary>
    public string? Type { get; init; }

    /// <summary>Healthy thresholds; written as <c>{}</c> when empty.</summary>
    public CheckThresholds Healthy { get; init; } = new();

    /// <summary>Unhealthy thresholds; written as <c>{}</c> when empty.</summary>
    public CheckThresholds Unhealthy { get; init; } = new();
}
