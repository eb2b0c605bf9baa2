using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Apisix.Translation.Config;

namespace Apisix.Translation.Serialization;

/// <summary>Writes plugin metadata as standalone mode wants it: <c>id</c> (the plugin name) followed by the metadata's own fields.</summary>
internal sealed class PluginMetadataConverter : JsonConverter<PluginMetadata>
{
    public override PluginMetadata Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var node = JsonNode.Parse(ref reader) as JsonObject ?? throw new JsonException("plugin_metadata must be an object");
        var id = node["id"]?.GetValue<string>() ?? throw new JsonException("plugin_metadata needs an id");
        node.Remove("id");
        return new PluginMetadata { Id = id, Metadata = new JsonBlob(node) };
    }

    public override void Write(Utf8JsonWriter writer, PluginMetadata value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("id", value.Id);
        if (value.Metadata.CloneNode() is JsonObject fields)
        {
            foreach (var (key, field) in fields)
            {
                if (key == "id")
                {
                    continue;
                }

                writer.WritePropertyName(key);
                if (field is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    field.WriteTo(writer);
                }
            }
        }

        writer.WriteEndObject();
    }
}
