using System.Text.Json;
using System.Text.Json.Serialization;

namespace Apisix.Translation.Serialization;

/// <summary>Writes and reads <see cref="EquatableMap{TValue}"/> as a JSON object with keys in ordinal order.</summary>
internal sealed class EquatableMapConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(EquatableMap<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class Converter<TValue> : JsonConverter<EquatableMap<TValue>>
    {
        public override EquatableMap<TValue> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            EquatableMap<TValue>.From(JsonSerializer.Deserialize<Dictionary<string, TValue>>(ref reader, options) ?? []);

        public override void Write(Utf8JsonWriter writer, EquatableMap<TValue> value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (var (key, item) in value)
            {
                writer.WritePropertyName(key);
                JsonSerializer.Serialize(writer, item, options);
            }

            writer.WriteEndObject();
        }
    }
}
