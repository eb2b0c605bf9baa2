using System.Text.Json.Nodes;

namespace Apisix.Translation.Manifests.Yaml;

/// <summary>
/// Converts a node to JSON the way Kubernetes does (plain scalars typed, quoted ones strings). Aliases
/// make a tree share nodes, so the converted size is capped: an alias bomb gets an error, not all memory.
/// </summary>
internal static class YamlJsonConverter
{
    /// <summary>The most JSON values one conversion may produce.</summary>
    public const int MaxValues = 200_000;

    /// <summary>Converts <paramref name="node"/>; null with <paramref name="error"/> set when it is too large.</summary>
    public static JsonNode? ToJson(YamlNode node, out string? error) => Walk(node, build: true, out error);

    /// <summary>What <see cref="ToJson"/> would refuse <paramref name="node"/> for, found without making anything; null when it converts.</summary>
    public static string? Problem(YamlNode node)
    {
        Walk(node, build: false, out var error);
        return error;
    }

    private static JsonNode? Walk(YamlNode node, bool build, out string? error)
    {
        var budget = MaxValues;
        error = null;
        try
        {
            return Convert(node, ref budget, 0, build);
        }
        catch (ManifestSyntaxException exception)
        {
            error = exception.Message;
            return null;
        }
    }

    /// <summary>The value of <paramref name="node"/>, counted against the budget; with <paramref name="build"/> false only counted.</summary>
    private static JsonNode? Convert(YamlNode node, ref int budget, int depth, bool build)
    {
        if (--budget < 0)
        {
            throw new ManifestSyntaxException(node.Line, $"value expands to more than {MaxValues} items (aliases?)");
        }

        if (depth > YamlDocumentParser.MaxDepth)
        {
            throw new ManifestSyntaxException(node.Line, "value nests too deeply");
        }

        switch (node)
        {
            case YamlScalar scalar:
                return build ? ScalarToJson(scalar) : null;
            case YamlSequence sequence:
                var array = build ? new JsonArray() : null;
                foreach (var item in sequence.Items)
                {
                    var value = Convert(item, ref budget, depth + 1, build);
                    array?.Add(value);
                }

                return array;
            case YamlMapping mapping:
                var obj = build ? new JsonObject() : null;
                foreach (var (key, value) in mapping.Entries)
                {
                    var name = KeyOf(key);
                    var converted = Convert(value, ref budget, depth + 1, build);
                    if (obj is not null)
                    {
                        obj[name] = converted;
                    }
                }

                return obj;
            default:
                return null;
        }
    }

    /// <summary>
    /// The JSON name of a mapping key, as Kubernetes makes it: a plain key that YAML reads as a boolean or an
    /// integer becomes that value's text (<c>on</c> is "true", <c>0x10</c> is "16"); a null key is refused.
    /// Other keys, floats among them, stay as written.
    /// </summary>
    private static string KeyOf(YamlScalar key) =>
        key.Quoted ? key.Value
        : key.IsNull ? throw new ManifestSyntaxException(key.Line, "a mapping key may not be null")
        : key.AsBool is { } flag ? (flag ? "true" : "false")
        : key.AsInteger is { } integer ? integer.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : key.Value;

    /// <summary>The JSON kind <see cref="ScalarToJson"/> gives a scalar, without making the value.</summary>
    public static System.Text.Json.JsonValueKind KindOf(YamlScalar scalar) =>
        scalar.Quoted ? System.Text.Json.JsonValueKind.String
        : scalar.IsNull ? System.Text.Json.JsonValueKind.Null
        : scalar.AsBool is { } boolean ? (boolean ? System.Text.Json.JsonValueKind.True : System.Text.Json.JsonValueKind.False)
        : scalar.AsInteger is not null || (scalar.AsNumber is { } number && double.IsFinite(number)) ? System.Text.Json.JsonValueKind.Number
        : System.Text.Json.JsonValueKind.String;

    /// <summary>The JSON value of a scalar.</summary>
    public static JsonNode? ScalarToJson(YamlScalar scalar)
    {
        if (scalar.Quoted)
        {
            return JsonValue.Create(scalar.Value);
        }

        if (scalar.IsNull)
        {
            return null;
        }

        if (scalar.AsBool is { } boolean)
        {
            return JsonValue.Create(boolean);
        }

        if (scalar.AsInteger is { } integer)
        {
            return JsonValue.Create(integer);
        }

        if (scalar.AsNumber is { } number && double.IsFinite(number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(scalar.Value);
    }
}
