using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Apisix.Translation;

/// <summary>
/// Reads numbers and booleans out of user-written JSON without throwing: a YAML <c>418</c> is a long, a
/// <c>0.5</c> a double, and a value of the wrong type is simply absent.
/// </summary>
internal static class JsonValues
{
    public static int? Int(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number &&
        double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) &&
        number == Math.Floor(number) && number is >= int.MinValue and <= int.MaxValue
            ? (int)number
            : null;

    public static double? Double(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number &&
        double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    public static bool? Bool(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
