namespace Apisix.Translation.Manifests;

/// <summary>What reading one document shares: the file, the object once known, and the findings.</summary>
/// <param name="file">The file being read.</param>
/// <param name="nodes">The document's value count: each field or item read records one line, so this bounds how many there will be.</param>
internal sealed class ReadContext(string file, int nodes = 0)
{
    /// <summary>The file being read.</summary>
    public string File { get; } = file;

    /// <summary>The object being read, once its kind and name are known.</summary>
    public ObjectRef? Object { get; set; }

    /// <summary>The line of every field read so far, in reading order; paths are only joined if a finding asks.</summary>
    public List<FieldLineIndex.Entry> Lines { get; } = new(nodes);

    /// <summary>Records where the field <paramref name="key"/> of <paramref name="parentPath"/> (or, with no key, the path itself) was read.</summary>
    public void RecordLine(string parentPath, string? key, int line) => Lines.Add(new(parentPath, key, line));

    /// <summary>Findings so far.</summary>
    public List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>True once an error was reported.</summary>
    public bool HasErrors { get; private set; }

    /// <summary>Records a finding at <paramref name="line"/>.</summary>
    public void Report(DiagnosticSeverity severity, string code, string path, string message, int line)
    {
        HasErrors |= severity == DiagnosticSeverity.Error;
        Diagnostics.Add(new Diagnostic(severity, code, Object, path, message) { Location = new SourceLocation(File, line) });
    }

    /// <summary>Records an error at <paramref name="line"/>.</summary>
    public void Error(string code, string path, string message, int line) => Report(DiagnosticSeverity.Error, code, path, message, line);
}
