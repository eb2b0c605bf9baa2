using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Apisix.Translation.Validation;

/// <summary>Formats, and the words the evaluator uses for types and values.</summary>
internal sealed partial class SchemaEvaluator
{
    internal static bool FormatHolds(string text, string format) => format switch
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

    /// <summary>A value for a message; under an <c>x-secret</c> field only its kind, so no credential reaches a message or a log.</summary>
    private string Show(JsonNode? value) => _secret > 0 ? $"({TypeOf(value)}, not shown)" : value?.ToJsonString() ?? "null";

    private string Show(double number) => _secret > 0 ? "(a number, not shown)" : Number(number);

    /// <summary>A number of the schema (a bound), for a message.</summary>
    private static string Number(double number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>A string value for a message, quoted; under an <c>x-secret</c> field not shown.</summary>
    private string Quote(string text) => _secret > 0 ? "the value (not shown)" : $"'{text}'";
}
