namespace Apisix.Translation.GatewayApi;

/// <summary>A path change: ReplaceFullPath or ReplacePrefixMatch.</summary>
/// <param name="Type">ReplaceFullPath or ReplacePrefixMatch.</param>
/// <param name="Value">The replacement.</param>
public sealed record PathModifier(string Type, string Value);
