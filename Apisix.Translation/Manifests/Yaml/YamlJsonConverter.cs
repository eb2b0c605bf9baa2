using System.Text.Json;
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

    /// <summary>
    /// What <see cref="ToJson"/> would refuse <paramref name="node"/> for, found without making anything, and
    /// where (relative to <paramref name="node"/>: <c>headers.set</c>, or empty, and its line); null when it converts.
    /// </summary>
    public static string? Problem(YamlNode node, out string where, out int line)
    {
        Walk(node, build: false, out var error, out where, out line);
        return error;
    }

    private static JsonNode? Walk(YamlNode node, bool build, out string? error) => Walk(node, build, out error, out _, out _);

    private static JsonNode? Walk(YamlNode node, bool build, out string? error, out string where, out int line)
    {
        var budget = MaxValues;
        error = null;
        where = string.Empty;
        line = node.Line;
        try
        {
            return Convert(node, ref budget, 0, build);
        }
        catch (ManifestSyntaxException exception)
        {
            error = exception.Message;
            where = exception.FieldPath;
            line = exception.Line;
            return null;
        }
    }

    /// <summary>The value of <paramref name="node"/>, counted against the budget; with <paramref name="build"/> false only counted.</summary>
    private static JsonNode? Convert(YamlNode node, ref int budget, int depth, bool build)
    {
        if (--budget < 0)
        {
            throw new ManifestSyntaxException(node.Line, $"value expands to more than {MaxValues} items (aliases?)", wholeValue: true);
        }

        if (depth > YamlDocumentParser.MaxDepth)
        {
            throw new ManifestSyntaxException(node.Line, "value nests too deeply", wholeValue: true);
        }

        switch (node)
        {
            case YamlScalar { IsNonFinite: true } scalar:
                throw new ManifestSyntaxException(scalar.Line, $"{scalar.Value} is a float JSON cannot hold (kubectl refuses it); quote it for a string");
            case YamlScalar scalar:
                return build ? ScalarToJson(scalar) : null;
            case YamlSequence sequence:
                var array = build ? new JsonArray() : null;
                for (var i = 0; i < sequence.Items.Length; i++)
                {
                    JsonNode? value;
                    try
                    {
                        value = Convert(sequence.Items[i], ref budget, depth + 1, build);
                    }
                    catch (ManifestSyntaxException exception)
                    {
                        // The path is put together only for a problem, on the way out.
                        throw exception.Under(null, i);
                    }

                    array?.Add(value);
                }

                return array;
            case YamlMapping mapping:
                var obj = build ? new JsonObject() : null;
                foreach (var (key, value) in mapping.Entries)
                {
                    var name = KeyOf(key);
                    JsonNode? converted;
                    try
                    {
                        converted = Convert(value, ref budget, depth + 1, build);
                    }
                    catch (ManifestSyntaxException exception)
                    {
                        throw exception.Under(name);
                    }

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
    /// An infinity or not-a-number key is named as Kubernetes names it (<c>.inf</c>, <c>-.inf</c>, <c>.nan</c>).
    /// Other keys, floats among them, stay as written.
    /// </summary>
    private static string KeyOf(YamlScalar key) => key.IsNonFinite ? NonFiniteName(key.Value) : Resolve(key, out var integer, out _) switch
    {
        JsonValueKind.Null => throw new ManifestSyntaxException(key.Line, "a mapping key may not be null"),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number when integer is { } whole => whole.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => key.Value,
    };

    private static string NonFiniteName(string value) => value[^3] is 'n' or 'N' && value[^2] is 'a' or 'A' ? ".nan" : value[0] == '-' ? "-.inf" : ".inf";

    /// <summary>The JSON kind <see cref="ScalarToJson"/> gives a scalar, without making the value.</summary>
    public static JsonValueKind KindOf(YamlScalar scalar) => Resolve(scalar, out _, out _);

    /// <summary>The JSON value of a scalar.</summary>
    public static JsonNode? ScalarToJson(YamlScalar scalar) => Resolve(scalar, out var integer, out var number) switch
    {
        JsonValueKind.String => JsonValue.Create(scalar.Value),
        JsonValueKind.True => JsonValue.Create(true),
        JsonValueKind.False => JsonValue.Create(false),
        JsonValueKind.Number => integer is { } whole ? JsonValue.Create(whole) : JsonValue.Create(number),
        _ => null,
    };

    /// <summary>
    /// How a scalar reads as JSON, decided once for keys, kinds and values: a quoted scalar is a string; a plain
    /// one is null, a boolean, an integer (<paramref name="integer"/>), a finite float (<paramref name="number"/>),
    /// or else a string.
    /// </summary>
    private static JsonValueKind Resolve(YamlScalar scalar, out long? integer, out double number)
    {
        integer = null;
        number = 0;
        if (scalar.Quoted)
        {
            return JsonValueKind.String;
        }

        if (scalar.IsNull)
        {
            return JsonValueKind.Null;
        }

        if (scalar.AsBool is { } boolean)
        {
            return boolean ? JsonValueKind.True : JsonValueKind.False;
        }

        integer = scalar.AsInteger;
        if (integer is not null)
        {
            return JsonValueKind.Number;
        }

        if (scalar.AsFloat is { } value && double.IsFinite(value))
        {
            number = value;
            return JsonValueKind.Number;
        }

        return JsonValueKind.String;
    }
}
