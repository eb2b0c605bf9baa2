namespace Apisix.Translation;

/// <summary>How bad a finding is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Worth knowing; the object is still translated.</summary>
    Warning,

    /// <summary>The object is wrong; it produces no APISIX objects.</summary>
    Error,
}
