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
        Double(node) is { } number && number == Math.Floor(number) && number is >= int.MinValue and <= int.MaxValue
            ? (int)number
            : null;

    /// <summary>
    /// The number <paramref name="node"/> holds, or null when it holds none. Read from the value itself where it
    /// can be (a parsed JSON number, or a long or double made in code) and from its JSON text otherwise; both give
    /// the same double, the second only costs a string.
    /// </summary>
    public static double? Double(JsonNode? node)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
        {
            return null;
        }

        if (value.TryGetValue<double>(out var number) && double.IsFinite(number))
        {
            return number;
        }

        if (value.TryGetValue<long>(out var integer))
        {
            return integer;
        }

        return double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number) ? number : null;
    }

    public static bool? Bool(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
