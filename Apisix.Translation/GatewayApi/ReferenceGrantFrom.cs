namespace Apisix.Translation.GatewayApi;

/// <summary>A ReferenceGrant <c>from</c> entry.</summary>
/// <param name="Group">API group of the referring kind (empty for core).</param>
/// <param name="Kind">The referring kind.</param>
/// <param name="Namespace">The referring namespace.</param>
public sealed record ReferenceGrantFrom(string Group, string Kind, string Namespace);
