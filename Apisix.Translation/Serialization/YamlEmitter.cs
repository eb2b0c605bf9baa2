using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Apisix.Translation.Serialization;

/// <summary>
/// Writes a JSON tree as block-style YAML. Strings are written double-quoted with JSON escapes (valid YAML),
/// so no value can change type on the way (<c>"80"</c> stays a string, <c>yes</c> stays text).
/// </summary>
internal static partial class YamlEmitter
{
    private static readonly JsonSerializerOptions StringOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(StringBuilder output, JsonNode node) => WriteValue(output, node, 0, inSequence: false);

    private static void WriteValue(StringBuilder output, JsonNode? node, int indent, bool inSequence)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count > 0:
                var first = true;
                foreach (var (key, value) in obj)
                {
                    if (!(first && inSequence))
                    {
                        output.Append(' ', indent);
                    }

                    first = false;
                    output.Append(Key(key)).Append(':');
                    WriteChild(output, value, indent);
                }

                break;
            case JsonArray array when array.Count > 0:
                var firstItem = true;
                foreach (var item in array)
                {
                    if (!(firstItem && inSequence))
                    {
                        output.Append(' ', indent);
                    }

                    firstItem = false;
                    output.Append("- ");
                    if (item is JsonObject { Count: > 0 } or JsonArray { Count: > 0 })
                    {
                        WriteValue(output, item, indent + 2, inSequence: true);
                    }
                    else
                    {
                        output.Append(Scalar(item)).Append('\n');
                    }
                }

                break;
            default:
                output.Append(' ', indent).Append(Scalar(node)).Append('\n');
                break;
        }
    }

    private static void WriteChild(StringBuilder output, JsonNode? value, int indent)
    {
        if (value is JsonObject { Count: > 0 })
        {
            output.Append('\n');
            WriteValue(output, value, indent + 2, inSequence: false);
        }
        else if (value is JsonArray { Count: > 0 })
        {
            output.Append('\n');
            WriteValue(output, value, indent, inSequence: false);
        }
        else
        {
            output.Append(' ').Append(Scalar(value)).Append('\n');
        }
    }

    private static string Scalar(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "{}",
        JsonArray => "[]",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => JsonSerializer.Serialize(value.GetValue<string>(), StringOptions),
        _ => node.ToJsonString(),
    };

    private static readonly HashSet<string> ReservedWords = new(StringComparer.OrdinalIgnoreCase) { "true", "false", "null", "yes", "no", "on", "off", "y", "n" };

    private static string Key(string key) =>
        PlainKey().IsMatch(key) && !ReservedWords.Contains(key) ? key : JsonSerializer.Serialize(key, StringOptions);

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.\-/]*$")]
    private static partial Regex PlainKey();
}
