using System.Text.Json.Nodes;

namespace Apisix.Translation.Validation;

/// <summary>One plugin's schemas and extra checks, as embedded (or supplied by the user).</summary>
internal sealed record PluginSchema(string Name, int Priority, JsonObject Schema, JsonObject? ConsumerSchema, JsonObject? MetadataSchema, IReadOnlyList<string> Checks, string? Since)
{
    /// <summary>Reads a schema file; a bare JSON Schema (no <c>schema</c> key) is taken as the route-level schema.</summary>
    public static PluginSchema? Parse(string name, string json, out string? error)
    {
        error = null;
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException exception)
        {
            error = $"schema for {name} is not JSON: {exception.Message}";
            return null;
        }

        if (root is not JsonObject document)
        {
            error = $"schema for {name} must be a JSON object";
            return null;
        }

        if (document["schema"] is not JsonObject schema)
        {
            return new PluginSchema(name, 0, document, null, null, [], null);
        }

        var checks = (document["checks"] as JsonArray ?? []).Select(c => c?.ToString() ?? string.Empty).Where(c => c.Length > 0).ToList();
        return new PluginSchema(
            name,
            JsonValues.Int(document["priority"]) ?? 0,
            schema,
            document["consumer_schema"] as JsonObject,
            document["metadata_schema"] as JsonObject,
            checks,
            document["since"]?.ToString());
    }
}
