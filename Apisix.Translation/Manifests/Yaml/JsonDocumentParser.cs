using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Apisix.Translation.Manifests.Yaml;

/// <summary>
/// The fast path for documents that are one JSON value (what <c>kubectl -o json</c> writes and what the
/// admission webhook receives): read with <see cref="Utf8JsonReader"/> into the same nodes the YAML
/// parser makes, some ten times faster. Anything that is not exactly one well-formed JSON value (YAML, a
/// stream, a comment, a duplicate key, too deep) is declined, and the YAML parser reads it and reports.
/// </summary>
internal static class JsonDocumentParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>True when the first non-white-space character opens a JSON object or array.</summary>
    public static bool LooksLikeJson(string text)
    {
        var first = text.AsSpan().TrimStart(" \t\r\n");
        return first.Length > 0 && first[0] is '{' or '[';
    }

    /// <summary>The document, or null when the text is not exactly one well-formed JSON value.</summary>
    public static ParsedDocument? TryParse(string text)
    {
        if (HasYamlOnlyLineBreak(text))
        {
            return null;
        }

        byte[]? rented = null;
        try
        {
            rented = ArrayPool<byte>.Shared.Rent(StrictUtf8.GetByteCount(text));
            var length = StrictUtf8.GetBytes(text, rented);
            return TryParse(rented.AsSpan(0, length));
        }
        catch (ArgumentException)
        {
            // A lone surrogate has no UTF-8: the YAML parser decides and explains.
            return null;
        }
        finally
        {
            if (rented is not null)
            {
                // The bytes may be a Secret's: nothing of them stays behind in the shared pool.
                ArrayPool<byte>.Shared.Return(rented, clearArray: true);
            }
        }
    }

    /// <summary>
    /// The document, or null when <paramref name="utf8"/> is not exactly one well-formed JSON value in valid
    /// UTF-8. Read as JSON, not as YAML text: a string keeps a NEL, LS, PS or CR it holds, where
    /// <see cref="TryParse(string)"/> leaves such text to the YAML parser, which folds them.
    /// </summary>
    public static ParsedDocument? TryParse(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return Build(utf8);
        }
        catch (Exception exception) when (exception is JsonException or ManifestSyntaxException or ArgumentException or InvalidOperationException)
        {
            // Not JSON as we take it (a duplicate key; invalid UTF-8 in a string, which the reader refuses
            // as it decodes it): the YAML parser decides and explains.
            return null;
        }
    }

    /// <summary>
    /// True when the text has a line break YAML knows and JSON does not (a lone CR, NEL, LS or PS): YAML
    /// counts lines by them and folds them inside quoted strings, so only the YAML parser reads such text
    /// the way it always has.
    /// </summary>
    private static bool HasYamlOnlyLineBreak(string text)
    {
        if (text.AsSpan().IndexOfAny('\u0085', '\u2028', '\u2029') >= 0)
        {
            return true;
        }

        for (var cr = text.IndexOf('\r'); cr >= 0; cr = text.IndexOf('\r', cr + 1))
        {
            if (cr + 1 >= text.Length || text[cr + 1] != '\n')
            {
                return true;
            }
        }

        return false;
    }

    private static ParsedDocument? Build(ReadOnlySpan<byte> bytes)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            MaxDepth = YamlDocumentParser.MaxDepth,
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
        });
        // One builder per thread, handed back empty: its waiting stacks are sized by earlier documents.
        var tree = t_builder ?? new NodeTreeBuilder();
        t_builder = null;
        try
        {
            return Build(bytes, ref reader, tree);
        }
        finally
        {
            tree.Clear();
            if (tree.WorthKeeping)
            {
                t_builder = tree;
            }
        }
    }

    [ThreadStatic]
    private static NodeTreeBuilder? t_builder;

    private static ParsedDocument? Build(ReadOnlySpan<byte> bytes, ref Utf8JsonReader reader, NodeTreeBuilder tree)
    {
        var line = 1;
        var counted = 0;
        while (reader.Read())
        {
            // Lines are counted as the reader moves on, each byte once.
            var start = checked((int)reader.TokenStartIndex);
            line += bytes[counted..start].Count((byte)'\n');
            counted = start;

            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    tree.Open(new YamlMapping(line), line);
                    break;
                case JsonTokenType.StartArray:
                    tree.Open(new YamlSequence(line), line);
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    tree.Close(line);
                    break;
                case JsonTokenType.PropertyName:
                    tree.Add(new YamlScalar(line, FieldNames.Of(ref reader), quoted: true), line);
                    break;
                case JsonTokenType.String:
                    tree.Add(new YamlScalar(line, reader.GetString()!, quoted: true), line);
                    break;
                case JsonTokenType.Number:
                    tree.Add(new YamlScalar(line, Encoding.UTF8.GetString(reader.ValueSpan), quoted: false), line);
                    break;
                case JsonTokenType.True:
                    tree.Add(new YamlScalar(line, "true", quoted: false), line);
                    break;
                case JsonTokenType.False:
                    tree.Add(new YamlScalar(line, "false", quoted: false), line);
                    break;
                case JsonTokenType.Null:
                    tree.Add(new YamlScalar(line, "null", quoted: false), line);
                    break;
                default:
                    return null;
            }
        }

        return tree.Root is { } root ? new ParsedDocument(root, root.Line, null, tree.Nodes) : null;
    }
}
