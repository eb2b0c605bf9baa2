namespace Apisix.Translation.Validation;

/// <summary>A schema violation: where in the config (dotted, with [n]) and what.</summary>
/// <param name="Path">The path inside the config, e.g. <c>rules[0].count</c>; empty for the config itself.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="IsWarning">True for what APISIX accepts but ignores (a field a newer version dropped).</param>
internal sealed record SchemaFinding(string Path, string Message, bool IsWarning = false);
