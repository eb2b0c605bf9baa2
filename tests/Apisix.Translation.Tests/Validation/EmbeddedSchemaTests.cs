using System.Text.Json.Nodes;
using Apisix.Translation.Tests.Support;
using NJsonSchema;

namespace Apisix.Translation.Tests.Validation;

/// <summary>
/// Every embedded plugin schema is a well-formed JSON Schema (read by NJsonSchema, a stock reader) and uses
/// only the keywords our APISIX-semantics evaluator implements, so no rule is silently ignored.
/// </summary>
public sealed class EmbeddedSchemaTests
{
    private static readonly HashSet<string> Keywords =
    [
        "type", "properties", "required", "default", "enum", "const", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
        "minLength", "maxLength", "pattern", "format", "items", "minItems", "maxItems", "uniqueItems", "additionalProperties",
        "patternProperties", "minProperties", "maxProperties", "oneOf", "anyOf", "allOf", "not", "if", "then", "else",
        "dependencies", "description", "x-since", "x-until", "x-enum-since", "x-enum-until", "x-required-until", "x-checked-since", "x-secret", "$comment", "title",
    ];

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestPaths.RepositoryRoot, "Apisix.Translation", "Validation", "Schemas"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Schema_IsWellFormed_AndUsesKnownKeywords(string file)
    {
        var document = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(TestPaths.RepositoryRoot, "Apisix.Translation", "Validation", "Schemas", file)))!.AsObject();
        Assert.Equal(Path.GetFileNameWithoutExtension(file), document["name"]?.GetValue<string>());
        foreach (var key in new[] { "schema", "consumer_schema", "metadata_schema" })
        {
            if (document[key] is JsonObject schema)
            {
                var parsed = await JsonSchema.FromJsonAsync(schema.ToJsonString());
                Assert.NotNull(parsed);
                AssertKnownKeywords(schema, $"{file}:{key}");
            }
        }
    }

    private static void AssertKnownKeywords(JsonObject schema, string where)
    {
        foreach (var (keyword, value) in schema)
        {
            Assert.True(Keywords.Contains(keyword), $"{where}: unknown keyword '{keyword}'");
            var children = keyword switch
            {
                "properties" or "patternProperties" or "dependencies" => (value as JsonObject)?.Select(p => p.Value).OfType<JsonObject>(),
                "items" => value is JsonArray tuple ? tuple.OfType<JsonObject>() : value is JsonObject one ? [one] : [],
                "oneOf" or "anyOf" or "allOf" => (value as JsonArray)?.OfType<JsonObject>(),
                "not" or "if" or "then" or "else" or "additionalProperties" => value is JsonObject child ? [child] : [],
                _ => [],
            };
            foreach (var child in children ?? [])
            {
                AssertKnownKeywords(child, $"{where}/{keyword}");
            }
        }
    }
}
