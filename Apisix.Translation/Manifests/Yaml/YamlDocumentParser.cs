using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Apisix.Translation.Manifests.Yaml;

/// <summary>
/// Turns a YAML (or JSON) stream into documents without recursion, so that no input can exhaust the
/// stack. A syntax error ends the document it is in; parsing resumes at the next <c>---</c> line, so one
/// broken document never hides the others.
/// </summary>
internal static class YamlDocumentParser
{
    /// <summary>Deeper nesting than this is refused: no Kubernetes object comes near it.</summary>
    public const int MaxDepth = 128;

    /// <summary>Parses every document of <paramref name="text"/>; errors are reported, not thrown.</summary>
    /// <param name="text">YAML, or JSON.</param>
    /// <param name="jsonFastPath">Reads a text that is one JSON value with the JSON reader (tests compare the two).</param>
    public static List<ParsedDocument> Parse(string text, bool jsonFastPath = true)
    {
        if (jsonFastPath && JsonDocumentParser.LooksLikeJson(text) && JsonDocumentParser.TryParse(text) is { } json)
        {
            return [json];
        }

        var documents = new List<ParsedDocument>();
        var lineOffset = 0;
        var remaining = text;
        while (true)
        {
            var failure = ParseUntilError(remaining, lineOffset, documents);
            if (failure is null)
            {
                return documents;
            }

            documents.Add(new ParsedDocument(null, failure.Value.Line, failure.Value.Message));
            var resumeLine = NextDocumentStart(remaining, failure.Value.Line - lineOffset);
            if (resumeLine < 0)
            {
                return documents;
            }

            remaining = SkipLines(remaining, resumeLine - 1);
            lineOffset += resumeLine - 1;
        }
    }

    private static (int Line, string Message)? ParseUntilError(string text, int lineOffset, List<ParsedDocument> documents)
    {
        var parser = new Parser(new StringReader(text));
        var builder = new DocumentBuilder(lineOffset);
        var lastLine = lineOffset + 1;
        try
        {
            while (MoveNext(parser, lastLine))
            {
                var current = parser.Current!;
                lastLine = checked((int)current.End.Line) + lineOffset;
                var document = builder.Accept(current);
                if (document is not null)
                {
                    documents.Add(document);
                }
            }

            return null;
        }
        catch (YamlException exception)
        {
            return (checked((int)exception.Start.Line) + lineOffset, TrimMessage(exception.Message));
        }
        catch (ManifestSyntaxException exception)
        {
            return (exception.Line, exception.Message);
        }
    }

    /// <summary>
    /// Advances the parser. YamlDotNet sometimes fails on malformed text with an exception that is not a
    /// <see cref="YamlException"/>; that is still the user's broken input, so it becomes a syntax error.
    /// </summary>
    private static bool MoveNext(Parser parser, int lastLine)
    {
        try
        {
            return parser.MoveNext();
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException or OverflowException)
        {
            throw new ManifestSyntaxException(lastLine, "malformed YAML after this line");
        }
    }

    private static string TrimMessage(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; we report the line ourselves.
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? message[(cut + 3)..] : message;
    }

    /// <summary>The 1-based line of the first <c>---</c> after <paramref name="errorLine"/>, or -1.</summary>
    private static int NextDocumentStart(string text, int errorLine)
    {
        var line = 1;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            var content = end < 0 ? text.AsSpan(start) : text.AsSpan(start, end - start);
            if (line > errorLine && content.StartsWith("---") && (content.Length == 3 || char.IsWhiteSpace(content[3])))
            {
                return line;
            }

            if (end < 0)
            {
                return -1;
            }

            start = end + 1;
            line++;
        }

        return -1;
    }

    private static string SkipLines(string text, int count)
    {
        var index = 0;
        for (var i = 0; i < count; i++)
        {
            index = text.IndexOf('\n', index) + 1;
        }

        return text[index..];
    }

    /// <summary>Builds nodes from parser events with an explicit stack.</summary>
    private sealed class DocumentBuilder(int lineOffset)
    {
        private readonly NodeTreeBuilder _tree = new();
        private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);
        private int _documentLine;

        public ParsedDocument? Accept(ParsingEvent current)
        {
            switch (current)
            {
                case DocumentStart start:
                    _tree.Clear();
                    _anchors.Clear();
                    _documentLine = LineOf(start);
                    return null;
                case DocumentEnd:
                    return new ParsedDocument(_tree.Root, _documentLine, null, _tree.Nodes);
                case Scalar scalar:
                    var quoted = scalar.Style is not ScalarStyle.Plain and not ScalarStyle.Any;
                    _tree.Add(Remember(scalar, new YamlScalar(LineOf(scalar), scalar.Value, quoted)), LineOf(scalar));
                    return null;
                case SequenceStart sequenceStart:
                    _tree.Open(Remember(sequenceStart, new YamlSequence(LineOf(sequenceStart))), LineOf(sequenceStart));
                    return null;
                case MappingStart mappingStart:
                    _tree.Open(Remember(mappingStart, new YamlMapping(LineOf(mappingStart))), LineOf(mappingStart));
                    return null;
                case SequenceEnd or MappingEnd:
                    _tree.Close(LineOf(current));
                    return null;
                case AnchorAlias alias:
                    if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        throw new ManifestSyntaxException(LineOf(alias), $"unknown alias '{alias.Value.Value}'");
                    }

                    _tree.Add(target, LineOf(alias));
                    return null;
                default:
                    return null;
            }
        }

        private int LineOf(ParsingEvent parsingEvent) => checked((int)parsingEvent.Start.Line) + lineOffset;

        private YamlNode Remember(NodeEvent nodeEvent, YamlNode node)
        {
            if (!nodeEvent.Anchor.IsEmpty)
            {
                _anchors[nodeEvent.Anchor.Value] = node;
            }

            return node;
        }
    }
}
