using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Apisix.Translation.Manifests;
using Apisix.Translation.Serialization;

namespace Apisix.Translation.Tests.Golden;

/// <summary>
/// One golden case folder: <c>input.yaml</c> (and an optional <c>options.json</c> with
/// <see cref="TranslationOptions"/> in camelCase) translated to <c>output.json</c>, which holds the
/// standalone-shaped configuration and every diagnostic, so a reviewer sees both together.
/// </summary>
internal static class GoldenCase
{
    private static readonly JsonSerializerOptions OptionsReader = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        Converters = { new EquatableArrayConverterFactory(), new EquatableMapConverterFactory() },
    };

    private static readonly JsonSerializerOptions StatusOptions = CreateStatusOptions();

    private static JsonSerializerOptions CreateStatusOptions()
    {
        var options = new JsonSerializerOptions(ApisixJson.Options) { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
        return options;
    }

    public static string Render(string caseDirectory)
    {
        var input = File.ReadAllText(Path.Combine(caseDirectory, "input.yaml"));
        var optionsFile = Path.Combine(caseDirectory, "options.json");
        var options = File.Exists(optionsFile)
            ? JsonSerializer.Deserialize<TranslationOptions>(File.ReadAllText(optionsFile), OptionsReader)!
            : TranslationOptions.Default;

        var read = ManifestReader.Read(input, "input.yaml");
        var result = Translator.Translate(TranslationInput.From(read.Objects), options);

        var document = new JsonObject
        {
            ["config"] = JsonNode.Parse(ApisixJson.Serialize(result.Configuration, indented: false)),
            ["diagnostics"] = Diagnostics(read.Diagnostics.Concat(result.Diagnostics)),
        };

        // Status is part of the output where the input has any: a reviewer sees config, errors and status together.
        var gatewayApi = result.GatewayApi;
        if (!gatewayApi.RouteStatuses.IsEmpty || !gatewayApi.GatewayStatuses.IsEmpty)
        {
            document["gatewayStatus"] = JsonSerializer.SerializeToNode(new { routes = gatewayApi.RouteStatuses, gateways = gatewayApi.GatewayStatuses, attachments = gatewayApi.Attachments }, StatusOptions);
        }

        if (result.IngressStatuses.Any(s => !s.LoadBalancer.IsEmpty))
        {
            document["ingressStatus"] = JsonSerializer.SerializeToNode(result.IngressStatuses, StatusOptions);
        }
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static JsonNode Diagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            DiagnosticJson.Write(writer, diagnostics);
        }

        return JsonNode.Parse(Encoding.UTF8.GetString(stream.ToArray()))!;
    }
}
