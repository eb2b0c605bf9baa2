using System.Text.Json;
using System.Text.Json.Nodes;

namespace Apisix.Translation;

/// <summary>
/// A free-form JSON value (a plugin config, an expression list) with deep value equality.
/// The node is owned by the blob and must not be changed after construction.
/// </summary>
public sealed class JsonBlob : IEquatable<JsonBlob>
{
    private readonly JsonNode? _node;
    private string? _canonical;

    /// <summary>Wraps <paramref name="node"/>; the caller gives up ownership of it.</summary>
    public JsonBlob(JsonNode? node) => _node = node;

    /// <summary>An empty JSON object.</summary>
    public static JsonBlob EmptyObject => new(new JsonObject());

    /// <summary>Parses JSON text.</summary>
    public static JsonBlob Parse(string json) => new(JsonNode.Parse(json));

    /// <summary>A deep copy of the value, which the caller may change.</summary>
    public JsonNode? CloneNode() => _node?.DeepClone();

    /// <summary>The JSON kind of the value.</summary>
    public JsonValueKind ValueKind => _node?.GetValueKind() ?? JsonValueKind.Null;

    /// <summary>Writes the value.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        if (_node is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            _node.WriteTo(writer);
        }
    }

    /// <summary>The compact JSON text of the value.</summary>
    public override string ToString() => _canonical ??= _node?.ToJsonString(TextOptions) ?? "null";

    private static readonly JsonSerializerOptions TextOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <inheritdoc />
    public bool Equals(JsonBlob? other) => other is not null && JsonNode.DeepEquals(_node, other._node);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as JsonBlob);

    /// <inheritdoc />
    // Deep equality ignores object key order, so the hash may only use what that order cannot change.
    public override int GetHashCode() => (int)ValueKind;
}
