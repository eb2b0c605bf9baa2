using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Apisix.Translation.Simulation;

/// <summary>
/// Evaluates lua-resty-expr expressions as APISIX does for route <c>vars</c> and plugin conditions:
/// a list of conditions that must all hold, each <c>[var, op, value]</c> or <c>[var, "!", op, value]</c>,
/// with <c>["OR", ...]</c> / <c>["AND", ...]</c> groups. Operators: <c>== ~= &gt; &gt;= &lt; &lt;= ~~ ~* in has ipmatch</c>.
/// </summary>
public static class ExprEvaluator
{
    private static readonly HashSet<string> Operators = new(StringComparer.Ordinal) { "==", "~=", ">", ">=", "<", "<=", "~~", "~*", "in", "has", "ipmatch" };

    /// <summary>
    /// True when every condition of <paramref name="expression"/> holds for <paramref name="request"/>. A condition on a
    /// regex the simulator cannot run (valid PCRE that .NET reads otherwise) does not hold here; <see cref="Holds"/> tells.
    /// </summary>
    public static bool Evaluate(JsonNode? expression, SimulatedRequest request) => Holds(expression, request, null) == true;

    /// <summary>
    /// Whether <paramref name="expression"/> holds for <paramref name="request"/>: null when the answer turns on a regex
    /// the simulator cannot run, whose pattern is then added to <paramref name="unrunnable"/>.
    /// </summary>
    internal static bool? Holds(JsonNode? expression, SimulatedRequest request, ICollection<string>? unrunnable)
    {
        if (expression is not JsonArray list || list.Count == 0)
        {
            return true;
        }

        // lua-resty-expr upper-cases a leading string to recognise the logical operators ("or" is "OR").
        if (list[0] is JsonValue head && head.GetValueKind() == JsonValueKind.String && head.GetValue<string>().ToUpperInvariant() is "OR" or "AND" or "!OR" or "!AND")
        {
            var op = head.GetValue<string>().ToUpperInvariant();
            var result = Combine(list.Skip(1), decisive: op.EndsWith("OR", StringComparison.Ordinal), request, unrunnable);
            return op.StartsWith('!') ? !result : result;
        }

        if (list[0] is JsonArray)
        {
            return Combine(list, decisive: false, request, unrunnable);
        }

        return Condition(list, request, unrunnable);
    }

    /// <summary>
    /// AND (decisive false) or OR (decisive true) of the items: the decisive value as soon as an item has it, else
    /// null when an item is unknown, else the other value.
    /// </summary>
    private static bool? Combine(IEnumerable<JsonNode?> items, bool decisive, SimulatedRequest request, ICollection<string>? unrunnable)
    {
        bool? result = !decisive;
        foreach (var item in items)
        {
            var holds = Holds(item, request, unrunnable);
            if (holds == decisive)
            {
                return decisive;
            }

            result = holds is null ? null : result;
        }

        return result;
    }

    private static bool? Condition(JsonArray condition, SimulatedRequest request, ICollection<string>? unrunnable)
    {
        if (condition.Count < 2)
        {
            return false;
        }

        var name = condition[0]?.ToString() ?? string.Empty;
        var negate = condition.Count == 4 && condition[1]?.ToString() == "!";

        // The operator is lower-cased ("IN" is "in"). Without a value, an operator that is none (the old two-element
        // form) becomes the value of "==", lower-cased with it.
        var op = condition[negate ? 2 : 1]?.ToString().ToLowerInvariant() ?? "==";
        var expected = condition.Count > (negate ? 3 : 2) ? condition[negate ? 3 : 2] : null;
        if (expected is null && condition.Count <= (negate ? 3 : 2) && !Operators.Contains(op))
        {
            expected = JsonValue.Create(op);
            op = "==";
        }

        var actual = request.Variable(name);
        var result = Compare(actual, op, expected, unrunnable);
        return negate ? !result : result;
    }

    private static bool? Compare(string? actual, string op, JsonNode? expected, ICollection<string>? unrunnable)
    {
        var text = expected is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : expected?.ToJsonString();
        switch (op)
        {
            case "==":
                return Equal(actual, expected, text);
            case "~=":
                return !Equal(actual, expected, text);
            case ">" or ">=" or "<" or "<=":
                if (Number(actual) is not { } left || Number(text) is not { } right)
                {
                    return false;
                }

                return op switch { ">" => left > right, ">=" => left >= right, "<" => left < right, _ => left <= right };
            case "~~" or "~*":
                return actual is not null && text is not null ? Matches(actual, text, op == "~*", unrunnable) : false;
            case "in":
                // "in" compares without conversion: a number in the set never equals a (string) variable.
                return actual is not null && expected is JsonArray set &&
                    set.Any(item => item?.GetValueKind() == JsonValueKind.String && item.GetValue<string>() == actual);
            case "has":
                // lua-resty-expr's "has" looks into a table; request variables are strings, so it never holds.
                return false;
            case "ipmatch":
                return actual is not null && IPAddress.TryParse(actual, out var address) && (expected is JsonArray ranges ? ranges.Select(r => r?.ToString() ?? string.Empty) : [text ?? string.Empty]).Any(range => IpRange.Contains(range, address));
            default:
                return false;
        }
    }

    /// <summary>
    /// Lua's <c>==</c> as lua-resty-expr applies it: a number value compares the variable as a number; a null value
    /// (JSON <c>null</c>, Lua nil) equals only an absent variable; a string value compares as text; a boolean, list or
    /// object never equals the (string) variable.
    /// </summary>
    private static bool Equal(string? actual, JsonNode? expected, string? text) => expected?.GetValueKind() switch
    {
        null or JsonValueKind.Null => actual is null,
        JsonValueKind.Number => Number(actual) is { } a && Number(text) is { } b && a == b,
        JsonValueKind.String => actual is not null && actual == text,
        _ => false,
    };

    /// <summary>Lua's <c>tonumber</c> of a string: decimal (surrounding space allowed) or hexadecimal <c>0x..</c>; null when it is neither.</summary>
    private static double? Number(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        var sign = trimmed[0] == '-' ? -1 : 1;
        var digits = trimmed[0] is '-' or '+' ? trimmed[1..] : trimmed;
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return ulong.TryParse(digits[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex) ? sign * (double)hex : null;
        }

        return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    private static bool? Matches(string input, string pattern, bool ignoreCase, ICollection<string>? unrunnable)
    {
        var matched = SimulatedRegex.IsMatch(input, pattern, ignoreCase);
        if (matched is null)
        {
            unrunnable?.Add(pattern);
        }

        return matched;
    }
}
