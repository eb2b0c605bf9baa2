namespace Apisix.Translation;

/// <summary>A place in an input file.</summary>
/// <param name="File">The file name as the caller gave it (<c>-</c> for standard input).</param>
/// <param name="Line">The 1-based line.</param>
public sealed record SourceLocation(string File, int Line)
{
    /// <summary><c>file:line</c>.</summary>
    public override string ToString() => $"{File}:{Line}";
}
