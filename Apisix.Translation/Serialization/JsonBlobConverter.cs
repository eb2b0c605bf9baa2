using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Apisix.Translation.Serialization;

/// <summary>Writes a <see cref="JsonBlob"/> as the value it holds.</summary>
internal sealed class JsonBlobConverter : JsonConverter<JsonBlob>
{
    public override JsonBlob Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(JsonNode.Parse(ref reader));

    public override void Write(Utf8JsonWriter writer, JsonBlob value, JsonSerializerOptions options) => value.WriteTo(writer);
}
