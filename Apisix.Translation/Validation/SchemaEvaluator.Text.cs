using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Apisix.Translation.Validation;

/// <summary>Formats, and the words the evaluator uses for types and values.</summary>
internal sealed partial class SchemaEvaluator
{
    private static bool FormatHolds(string text, string format) => format switch
    {
        "ipv4" => IPAddress.TryParse(text, out var v4) && v4.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && text.Count(c => c == '.') == 3,
        "ipv6" => IPAddress.TryParse(text, out var v6) && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6,
        "uri" => Uri.TryCreate(text, UriKind.Absolute, out _),
        "hostname" => Uri.CheckHostName(text) != UriHostNameType.Unknown,
        "email" => text.Contains('@', StringComparison.Ordinal),
        _ => true,
    };

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Article(string type) => type is "object" or "array" or "integer" ? $"an {type}" : $"a {type}";

    private static string TypeOf(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        _ => value.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "null",
        },
    };

    private static string Show(JsonNode? value) => value?.ToJsonString() ?? "null";

    private static string Show(double number) => number.ToString(CultureInfo.InvariantCulture);
}
