using System.Text.Json;
using System.Text.Json.Nodes;

namespace Apisix.Translation.Validation;

/// <summary>
/// Whether a value is a well-formed lua-resty-expr expression, as <c>expr.new</c> checks it: a list of
/// conditions <c>[var, op, value]</c> / <c>[var, "!", op, value]</c> / <c>[var, value]</c>, or a group whose
/// first element is <c>AND</c>, <c>OR</c>, <c>!AND</c> or <c>!OR</c>; operators are known and regexes compile.
/// </summary>
internal static class ExprShape
{
    private static readonly HashSet<string> Operators = ["==", "~=", ">", ">=", "<", "<=", "~~", "~*", "in", "has", "ipmatch", "!"];

    /// <summary>Null when well-formed, else what is wrong.</summary>
    public static string? Problem(JsonNode? expression) => Rules(expression, topLevel: true);

    /// <summary>
    /// A rule list: conditions (arrays) or a logical group. At the top a bare condition is refused, as
    /// lua-resty-expr refuses it ("rule should be wrapped inside brackets").
    /// </summary>
    private static string? Rules(JsonNode? expression, bool topLevel)
    {
        if (expression is JsonObject { Count: 0 })
        {
            return null; // An empty Lua table: no conditions.
        }

        if (expression is not JsonArray list)
        {
            return "an expression must be an array of conditions";
        }

        if (list.Count == 0)
        {
            return null;
        }

        if (list[0] is JsonValue head && head.GetValueKind() == JsonValueKind.String && head.GetValue<string>() is "AND" or "OR" or "!AND" or "!OR")
        {
            if (list.Count < 3)
            {
                return $"{head.GetValue<string>()} needs at least two rules in {list.ToJsonString()}";
            }

            return list.Skip(1).Select(item => item is JsonArray { Count: > 0 } inner && inner[0] is JsonValue ? (IsLogical(inner) ? Rules(inner, false) : Condition(inner)) : Rules(item, false)).FirstOrDefault(p => p is not null);
        }

        if (list.All(item => item is JsonArray))
        {
            return list.Select(item => IsLogical((JsonArray)item!) ? Rules(item, false) : ((JsonArray)item!).Count > 0 && ((JsonArray)item!)[0] is JsonArray ? Rules(item, false) : Condition((JsonArray)item!)).FirstOrDefault(p => p is not null);
        }

        return topLevel
            ? $"{list.ToJsonString()} must be wrapped in an outer array of conditions"
            : Condition(list);
    }

    private static bool IsLogical(JsonArray list) =>
        list.Count > 0 && list[0] is JsonValue head && head.GetValueKind() == JsonValueKind.String && head.GetValue<string>() is "AND" or "OR" or "!AND" or "!OR";

    private static string? Condition(JsonArray condition)
    {
        if (condition[0]?.GetValueKind() != JsonValueKind.String)
        {
            return $"the variable of {condition.ToJsonString()} must be a string";
        }

        if (condition.Count is < 2 or > 4)
        {
            return $"{condition.ToJsonString()} must be [var, op, value]";
        }

        if (condition.Count == 2)
        {
            return null;
        }

        var negated = condition.Count == 4;
        if (negated && condition[1]?.ToString() != "!")
        {
            return $"{condition.ToJsonString()}: a four-part condition must be [var, \"!\", op, value]";
        }

        var op = condition[negated ? 2 : 1]?.ToString() ?? string.Empty;
        if (!Operators.Contains(op) || op == "!")
        {
            return $"unknown operator '{op}' in {condition.ToJsonString()}";
        }

        var value = condition[negated ? 3 : 2];
        if (op is "~~" or "~*")
        {
            if (value?.GetValueKind() != JsonValueKind.String)
            {
                return $"the regex of {RegexCheck.Shown(condition.ToJsonString())} does not compile";
            }

            if (RegexCheck.Error(value.GetValue<string>()) is { } problem)
            {
                return $"the regex of {RegexCheck.Shown(condition.ToJsonString())} does not compile: {problem}";
            }
        }

        if (op is "in" or "ipmatch" && op == "in" && value is not JsonArray)
        {
            return $"'in' needs an array in {condition.ToJsonString()}";
        }

        return null;
    }
}
