using System.Text;

namespace Apisix.Translation;

/// <summary>
/// One finding about one object: a user's mistake is data, never an exception.
/// </summary>
/// <param name="Severity">Error (the object is not translated) or warning.</param>
/// <param name="Code">A stable code from <see cref="DiagnosticCodes"/>.</param>
/// <param name="Object">The object the finding is about, when known.</param>
/// <param name="Path">The Kubernetes field path of the offending value, e.g. <c>spec.http[1].backends[0].servicePort</c>; empty for the whole object.</param>
/// <param name="Message">What is wrong, in words; never contains Secret values.</param>
public sealed record Diagnostic(DiagnosticSeverity Severity, string Code, ObjectRef? Object, string Path, string Message)
{
    /// <summary>Where the offending value was read, when it came from a file.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>True for <see cref="DiagnosticSeverity.Error"/>.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>
    /// One line: <c>severity Kind namespace/name: path: message</c>, with <c>(file:line)</c> appended when known.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Severity == DiagnosticSeverity.Error ? "error" : "warning").Append(' ');
        if (Object is not null)
        {
            text.Append(Object.Kind).Append(' ');
            text.Append(Object.Namespace is null ? Object.Name : $"{Object.Namespace}/{Object.Name}");
        }
        else
        {
            text.Append("manifest");
        }

        text.Append(": ");
        if (Path.Length > 0)
        {
            text.Append(Path).Append(": ");
        }

        text.Append(Message);
        if (Location is not null)
        {
            text.Append(" (").Append(Location).Append(')');
        }

        return text.ToString();
    }
}
