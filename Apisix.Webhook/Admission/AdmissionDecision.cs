namespace Apisix.Webhook.Admission;

/// <summary>What the webhook answers for one AdmissionReview request.</summary>
/// <param name="Allowed">Whether the object is admitted.</param>
/// <param name="Message">Why not (every error, with its field path), when denied.</param>
/// <param name="Warnings">Things the user should know that do not block the object.</param>
/// <param name="Patch">A JSON Patch (RFC 6902) document for a mutation, or null.</param>
internal sealed record AdmissionDecision(bool Allowed, string? Message, IReadOnlyList<string> Warnings, string? Patch)
{
    /// <summary>Admitted as it is.</summary>
    public static AdmissionDecision Allow(IReadOnlyList<string>? warnings = null) => new(true, null, warnings ?? [], null);

    /// <summary>Refused, with the reason.</summary>
    public static AdmissionDecision Deny(string message, IReadOnlyList<string>? warnings = null) => new(false, message, warnings ?? [], null);

    /// <summary>Admitted with changes.</summary>
    public static AdmissionDecision Modified(string patch) => new(true, null, [], patch);
}
