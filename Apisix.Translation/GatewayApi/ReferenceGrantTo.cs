namespace Apisix.Translation.GatewayApi;

/// <summary>A ReferenceGrant <c>to</c> entry.</summary>
/// <param name="Group">API group of the target kind (empty for core).</param>
/// <param name="Kind">The target kind.</param>
/// <param name="Name">One object's name, or null for all of that kind.</param>
public sealed record ReferenceGrantTo(string Group, string Kind, string? Name);
