using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Apisix.Translation.Validation;

/// <summary>
/// Whether a user-given JSON Schema (request-validation's <c>header_schema</c>/<c>body_schema</c>) compiles
/// with api7/jsonschema. Only what makes its code generator raise is reported: an unknown <c>type</c>, a
/// <c>properties</c>/<c>required</c>/<c>enum</c> that cannot be iterated, a null <c>enum</c> value, a count
/// keyword that is not a number, a sub-schema that is a number or null. Anything else is left to run time.
/// </summary>
internal static class JsonSchemaShape
{
    private static readonly HashSet<string> Types = ["object", "array", "table", "integer", "string", "boolean", "number", "null", "function"];

    private static readonly string[] Counts = ["minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties"];

    /// <summary>Adds a finding under <paramref name="path"/> for each part of <paramref name="schema"/> that does not compile.</summary>
    public static void Check(JsonNode? schema, string path, List<SchemaFinding> findings)
    {
        if (schema is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False or JsonValueKind.String)
        {
            return; // true/false are schemas; a string indexes as the Lua string library and yields nothing.
        }

        if (schema is not JsonObject node)
        {
            if (schema is not JsonArray)
            {
                findings.Add(new(path, "is not a schema (a number or null cannot be compiled)"));
            }

            return;
        }

        if (node.ContainsKey("type"))
        {
            CheckType(node["type"], Join(path, "type"), findings);
        }

        foreach (var keyword in Counts)
        {
            if (node[keyword] is { } count && !IsNumber(count))
            {
                findings.Add(new(Join(path, keyword), $"must be a number, got {count.ToJsonString()}"));
            }
        }

        foreach (var keyword in new[] { "required", "enum", "properties", "patternProperties" })
        {
            if (node[keyword] is JsonValue scalar)
            {
                findings.Add(new(Join(path, keyword), $"must be {(keyword is "required" or "enum" ? "an array" : "an object")}, got {scalar.ToJsonString()}"));
            }
        }

        if (node["enum"] is JsonArray choices && choices.Any(c => c is null))
        {
            findings.Add(new(Join(path, "enum"), "null is not a supported enum value"));
        }

        foreach (var keyword in new[] { "properties", "patternProperties", "dependencies" })
        {
            foreach (var (name, child) in node[keyword] as JsonObject ?? [])
            {
                if (keyword != "dependencies" || child is not JsonArray)
                {
                    Check(child, $"{Join(path, keyword)}.{name}", findings);
                }
            }
        }

        foreach (var keyword in new[] { "allOf", "anyOf", "oneOf" })
        {
            var branches = node[keyword] as JsonArray ?? [];
            for (var i = 0; i < branches.Count; i++)
            {
                Check(branches[i], $"{Join(path, keyword)}[{i}]", findings);
            }
        }

        foreach (var keyword in new[] { "not", "additionalProperties" })
        {
            if (node.ContainsKey(keyword))
            {
                Check(node[keyword], Join(path, keyword), findings);
            }
        }

        if (node["items"] is JsonArray tuple)
        {
            for (var i = 0; i < tuple.Count; i++)
            {
                Check(tuple[i], $"{Join(path, "items")}[{i}]", findings);
            }
        }
        else if (node.ContainsKey("items"))
        {
            Check(node["items"], Join(path, "items"), findings);
        }
    }

    private static void CheckType(JsonNode? type, string path, List<SchemaFinding> findings)
    {
        var names = type switch
        {
            JsonArray list => list.Select(t => t?.GetValueKind() == JsonValueKind.String ? t.GetValue<string>() : t?.ToJsonString() ?? "null"),
            JsonValue one when one.GetValueKind() == JsonValueKind.String => [one.GetValue<string>()],
            JsonValue other => [other.ToJsonString()],
            JsonObject => [], // iterated as a list, an object has no entries
            _ => ["null"],
        };
        foreach (var name in names)
        {
            if (!Types.Contains(name))
            {
                findings.Add(new(path, $"'{name}' is not a JSON type (object, array, string, number, integer, boolean, null)"));
            }
        }
    }

    /// <summary>Lua's string.format("%d") takes numbers and numeric strings.</summary>
    private static bool IsNumber(JsonNode count) =>
        count is JsonValue value && (value.GetValueKind() == JsonValueKind.Number ||
            (value.GetValueKind() == JsonValueKind.String && double.TryParse(value.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out _)));

    private static string Join(string path, string child) => path.Length == 0 ? child : $"{path}.{child}";
}
