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

        if (list[0] is JsonValue head && head.GetValueKind() == JsonValueKind.String && head.GetValue<string>() is "OR" or "AND" or "!OR" or "!AND")
        {
            var op = head.GetValue<string>();
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
        var name = condition[0]?.ToString() ?? string.Empty;
        var negate = condition.Count == 4 && condition[1]?.ToString() == "!";
        var op = condition.Count == 2 ? "==" : condition[negate ? 2 : 1]?.ToString() ?? "==";
        var expected = condition.Count == 2 ? condition[1] : condition[negate ? 3 : 2];
        var actual = request.Variable(name);
        var result = Compare(actual, op, expected, unrunnable);
        return negate ? !result : result;
    }

    private static bool? Compare(string? actual, string op, JsonNode? expected, ICollection<string>? unrunnable)
    {
        var text = expected is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : expected?.ToJsonString();

        // Lua compares a string variable with a string value as text; only a number value makes it numeric.
        var numeric = expected?.GetValueKind() == JsonValueKind.Number;
        switch (op)
        {
            case "==":
                return Equal(actual, text, numeric);
            case "~=":
                return !Equal(actual, text, numeric);
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

    private static bool Equal(string? actual, string? expected, bool numeric) =>
        actual is not null && (numeric ? Number(actual) is { } a && Number(expected) is { } b && a == b : actual == expected);

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

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
