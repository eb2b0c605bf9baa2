using System.Text.Json.Nodes;
using Apisix.Translation.Crds;

namespace Apisix.Translation.Translators;

/// <summary>
/// Maps <c>match.exprs</c> to APISIX <c>vars</c> (reference §2.5): one array per expression,
/// <c>[subject, ("!"), op, value]</c>; negated operators become <c>"!"</c> plus the positive one.
/// </summary>
internal static class ExprTranslator
{
    private static readonly Dictionary<string, (bool Negate, string Op)> Operators = new(StringComparer.Ordinal)
    {
        ["Equal"] = (false, "=="),
        ["NotEqual"] = (false, "~="),
        ["GreaterThan"] = (false, ">"),
        ["GreaterThanEqual"] = (false, ">="),
        ["LessThan"] = (false, "<"),
        ["LessThanEqual"] = (false, "<="),
        ["In"] = (false, "in"),
        ["NotIn"] = (true, "in"),
        ["RegexMatch"] = (false, "~~"),
        ["RegexNotMatch"] = (true, "~~"),
        ["RegexMatchCaseInsensitive"] = (false, "~*"),
        ["RegexNotMatchCaseInsensitive"] = (true, "~*"),
    };

    /// <summary>The vars array, or null when there are no expressions; errors go to <paramref name="scope"/>.</summary>
    public static JsonBlob? Translate(EquatableArray<ApisixRouteExpr> exprs, string path, ObjectScope scope)
    {
        if (exprs.IsEmpty)
        {
            return null;
        }

        var vars = new JsonArray();
        for (var i = 0; i < exprs.Count; i++)
        {
            var translated = TranslateOne(exprs[i], $"{path}[{i}]", scope);
            if (translated is not null)
            {
                vars.Add(translated);
            }
        }

        return new JsonBlob(vars);
    }

    /// <summary>The APISIX variable for a subject, or null with an error.</summary>
    public static string? Subject(string scopeName, string name, string path, ObjectScope scope)
    {
        if (name.Length == 0 && scopeName != "Path")
        {
            scope.Error(DiagnosticCodes.RequiredField, $"{path}.subject.name", "empty subject name (required unless scope is Path)");
            return null;
        }

        switch (scopeName)
        {
            case "Query":
                return "arg_" + name;
            case "Header":
                return "http_" + name.ToLowerInvariant().Replace('-', '_');
            case "Cookie":
                return "cookie_" + name;
            case "Path":
                return "uri";
            case "Variable":
                return name;
            case "Body":
                return "post_arg." + name;
            default:
                scope.Error(DiagnosticCodes.InvalidValue, $"{path}.subject.scope", $"bad subject scope '{scopeName}'; expected one of Header, Query, Cookie, Path, Variable, Body");
                return null;
        }
    }

    private static JsonArray? TranslateOne(ApisixRouteExpr expr, string path, ObjectScope scope)
    {
        var subject = Subject(expr.Scope, expr.Name, path, scope);
        if (!Operators.TryGetValue(expr.Op, out var op))
        {
            scope.Error(DiagnosticCodes.InvalidValue, $"{path}.op", $"unknown operator '{expr.Op}'; expected one of {string.Join(", ", Operators.Keys)}");
            return null;
        }

        JsonNode value;
        if (op.Op == "in")
        {
            if (expr.Set is not { } set)
            {
                scope.Error(DiagnosticCodes.RequiredField, $"{path}.set", $"empty set value ({expr.Op} needs set)");
                return null;
            }

            value = new JsonArray(set.Select(item => (JsonNode?)JsonValue.Create(item)).ToArray());
        }
        else
        {
            if (expr.Value is null)
            {
                scope.Error(DiagnosticCodes.RequiredField, $"{path}.value", $"neither set nor value is provided ({expr.Op} needs value)");
                return null;
            }

            value = JsonValue.Create(expr.Value);
        }

        if (subject is null)
        {
            return null;
        }

        var result = new JsonArray { JsonValue.Create(subject) };
        if (op.Negate)
        {
            result.Add(JsonValue.Create("!"));
        }

        result.Add(JsonValue.Create(op.Op));
        result.Add(value);
        return result;
    }
}
