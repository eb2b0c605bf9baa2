using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Apisix.Translation.Config;

namespace Apisix.Translation.Serialization;

/// <summary>
/// Writes APISIX objects as the Admin API and standalone mode read them: snake_case, empty fields left out,
/// collections in a fixed order.
/// </summary>
public static class ApisixJson
{
    /// <summary>The serializer options for APISIX objects.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions(indented: false);

    /// <summary>The same, indented.</summary>
    public static JsonSerializerOptions IndentedOptions { get; } = CreateOptions(indented: true);

    /// <summary>The configuration as a standalone-shaped JSON document (every collection present).</summary>
    public static string Serialize(ApisixConfiguration configuration, bool indented = true) =>
        JsonSerializer.Serialize(configuration, indented ? IndentedOptions : Options);

    /// <summary>Writes the configuration as UTF-8 JSON.</summary>
    public static void Serialize(Stream output, ApisixConfiguration configuration, bool indented = true) =>
        JsonSerializer.Serialize(output, configuration, indented ? IndentedOptions : Options);

    /// <summary>Any APISIX object (a route, an upstream) as its Admin API body.</summary>
    public static string SerializeObject<T>(T value, bool indented = false) =>
        JsonSerializer.Serialize(value, indented ? IndentedOptions : Options);

    /// <summary>The configuration as standalone <c>apisix.yaml</c>, ending with the <c>#END</c> marker APISIX requires.</summary>
    public static string SerializeYaml(ApisixConfiguration configuration)
    {
        var node = JsonSerializer.SerializeToNode(configuration, Options)!;
        var text = new StringBuilder();
        YamlEmitter.Write(text, node);
        text.Append("#END\n");
        return text.ToString();
    }

    private static JsonSerializerOptions CreateOptions(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Converters =
            {
                new EquatableArrayConverterFactory(),
                new EquatableMapConverterFactory(),
                new JsonBlobConverter(),
                new PluginMetadataConverter(),
            },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
