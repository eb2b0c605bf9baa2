using System.Text.Json;

namespace Apisix.Translation.Serialization;

/// <summary>Writes diagnostics as a JSON array of flat objects, for tools and CI.</summary>
public static class DiagnosticJson
{
    /// <summary>
    /// Writes each diagnostic as <c>{severity, code, kind, namespace, name, path, message, file?, line?}</c>.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(diagnostics);
        writer.WriteStartArray();
        foreach (var diagnostic in diagnostics)
        {
            writer.WriteStartObject();
            writer.WriteString("severity", diagnostic.IsError ? "error" : "warning");
            writer.WriteString("code", diagnostic.Code);
            writer.WriteString("kind", diagnostic.Object?.Kind);
            writer.WriteString("namespace", diagnostic.Object?.Namespace);
            writer.WriteString("name", diagnostic.Object?.Name);
            writer.WriteString("path", diagnostic.Path);
            writer.WriteString("message", diagnostic.Message);
            if (diagnostic.Location is { } location)
            {
                writer.WriteString("file", location.File);
                writer.WriteNumber("line", location.Line);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
