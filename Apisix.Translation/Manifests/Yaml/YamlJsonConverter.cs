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
    public static JsonNode? ToJson(YamlNode node, out string? error)
    {
        var budget = MaxValues;
        error = null;
        try
        {
            return Convert(node, ref budget, 0);
        }
        catch (ManifestSyntaxException exception)
        {
            error = exception.Message;
            return null;
        }
    }

    private static JsonNode? Convert(YamlNode node, ref int budget, int depth)
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
                return ScalarToJson(scalar);
            case YamlSequence sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Items)
                {
                    array.Add(Convert(item, ref budget, depth + 1));
                }

                return array;
            case YamlMapping mapping:
                var obj = new JsonObject();
                foreach (var (key, value) in mapping.Entries)
                {
                    obj[key.Value] = Convert(value, ref budget, depth + 1);
                }

                return obj;
            default:
                return null;
        }
    }

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
