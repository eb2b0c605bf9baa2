namespace Apisix.Translation.Validation;

/// <summary>One problem with a plugin config.</summary>
/// <param name="Path">The Kubernetes field path of the offending value.</param>
/// <param name="Code">UnknownPlugin, InvalidPluginConfig, CodeExecutionDenied or DisabledPluginInvalid.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Severity">Error, or warning where APISIX accepts it anyway (a disabled plugin in 3.18) or we cannot tell (plugin_metadata of a plugin without an embedded schema).</param>
public sealed record PluginProblem(string Path, string Code, string Message, DiagnosticSeverity Severity = DiagnosticSeverity.Error);
