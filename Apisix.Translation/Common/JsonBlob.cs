using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Apisix.Translation;

/// <summary>
/// A free-form JSON value (a plugin config, an expression list) with deep value equality. It holds a node
/// (owned by the blob, never changed after construction), compact JSON text, or the manifest node it was
/// read from. The text form is what the translator writes for values it builds itself, because one string
/// is far cheaper to keep and to write than a tree of nodes. A value read from a manifest becomes a tree
/// of nodes the first time something reads it as one; until then a copy (<see cref="CloneNode"/>) is made
/// straight from the manifest's node, and the kind is known without making anything.
/// </summary>
public sealed class JsonBlob : IEquatable<JsonBlob>
{
    private static readonly JsonSerializerOptions TextOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 256 };
    private static readonly System.Buffers.SearchValues<char> EscapedCharacters = System.Buffers.SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");

    private readonly string? _text;

    // Made from _source on first read: set before _source is cleared, so a reader that finds no source
    // finds the node. Two threads may both make it; the first one kept wins, and both are equal.
    private JsonNode? _node;
    private IJsonSource? _source;

    /// <summary>Wraps <paramref name="node"/>; the caller gives up ownership of it.</summary>
    public JsonBlob(JsonNode? node) => _node = node;

    /// <summary>A value whose nodes are made from <paramref name="source"/> when first read.</summary>
    internal JsonBlob(IJsonSource source) => _source = source;

    private JsonBlob(string text) => _text = text;

    /// <summary>An empty JSON object.</summary>
    public static JsonBlob EmptyObject { get; } = FromText("{}");

    /// <summary>Parses JSON text.</summary>
    public static JsonBlob Parse(string json) => new(JsonNode.Parse(json, documentOptions: ParseOptions));

    /// <summary>Wraps compact JSON text that the caller guarantees is valid (the translator's own output).</summary>
    internal static JsonBlob FromText(string json) => new(json);

    /// <summary>A deep copy of the value, which the caller may change.</summary>
    public JsonNode? CloneNode() =>
        _text is not null ? JsonNode.Parse(_text, documentOptions: ParseOptions)
        : Volatile.Read(ref _source) is { } source ? source.ToJsonNode()
        : Volatile.Read(ref _node)?.DeepClone();

    /// <summary>The value's nodes, made from its source the first time.</summary>
    private JsonNode? Node
    {
        get
        {
            if (Volatile.Read(ref _source) is not { } source)
            {
                return Volatile.Read(ref _node);
            }

            Interlocked.CompareExchange(ref _node, source.ToJsonNode(), null);
            Volatile.Write(ref _source, null);
            return Volatile.Read(ref _node);
        }
    }

    /// <summary>The JSON kind of the value.</summary>
    public JsonValueKind ValueKind => _text is not null
        ? _text[0] switch
        {
            '{' => JsonValueKind.Object,
            '[' => JsonValueKind.Array,
            '"' => JsonValueKind.String,
            't' => JsonValueKind.True,
            'f' => JsonValueKind.False,
            'n' => JsonValueKind.Null,
            _ => JsonValueKind.Number,
        }
        : Volatile.Read(ref _source) is { } source ? source.ValueKind
        : Node?.GetValueKind() ?? JsonValueKind.Null;

    /// <summary>Writes the value.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (_text is not null)
        {
            writer.WriteRawValue(_text, skipInputValidation: true);
        }
        else if (Node is not { } node)
        {
            writer.WriteNullValue();
        }
        else
        {
            node.WriteTo(writer);
        }
    }

    /// <summary>The compact JSON text of the value.</summary>
    public override string ToString() => _text ?? Node?.ToJsonString(TextOptions) ?? "null";

    /// <inheritdoc />
    public bool Equals(JsonBlob? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other) || (_text is not null && _text == other._text))
        {
            return true;
        }

        var mine = _text is null ? Node : CloneNode();
        var theirs = other._text is null ? other.Node : other.CloneNode();
        return JsonNode.DeepEquals(mine, theirs);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as JsonBlob);

    /// <inheritdoc />
    // Deep equality ignores object key order, so the hash may only use what that order cannot change.
    public override int GetHashCode() => (int)ValueKind;

    /// <summary>Compact JSON text for a string value, escaped as the serializer escapes it.</summary>
    internal static string Quote(string value) => AppendQuoted(new System.Text.StringBuilder(value.Length + 2), value).ToString();

    /// <summary>Appends <paramref name="value"/> as a JSON string: quotes, backslashes and control characters escaped.</summary>
    internal static System.Text.StringBuilder AppendQuoted(System.Text.StringBuilder builder, string value) =>
        AppendEscaped(builder.Append('"'), value).Append('"');

    /// <summary>Appends the inside of a JSON string: quotes, backslashes and control characters escaped.</summary>
    internal static System.Text.StringBuilder AppendEscaped(System.Text.StringBuilder builder, ReadOnlySpan<char> value)
    {
        var rest = value;
        while (true)
        {
            // Runs that need no escaping (nearly every value) are copied whole.
            var next = rest.IndexOfAny(EscapedCharacters);
            if (next < 0)
            {
                return builder.Append(rest);
            }

            builder.Append(rest[..next]);
            var c = rest[next];
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                _ => builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)),
            };
            rest = rest[(next + 1)..];
        }
    }
}
