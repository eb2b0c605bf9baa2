using System.Text;
using System.Text.Json;
using Apisix.Translation;
using Apisix.Translation.Serialization;

namespace Apisix.Controller.Cli;

/// <summary>Prints diagnostics as text lines or as one JSON array.</summary>
internal static class DiagnosticWriter
{
    public static void Write(TextWriter output, IReadOnlyList<Diagnostic> diagnostics, string format)
    {
        if (format == "json")
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                DiagnosticJson.Write(writer, diagnostics);
            }

            output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
            return;
        }

        foreach (var diagnostic in diagnostics)
        {
            output.WriteLine(diagnostic.ToString());
        }
    }
}
