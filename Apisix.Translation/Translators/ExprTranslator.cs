using System.Text;
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
    public static JsonBlob? Translate(EquatableArray<ApisixRouteExpr> exprs, LazyPath path, ObjectScope scope)
    {
        if (exprs.IsEmpty)
        {
            return null;
        }

        // Written as text: a route keeps one string instead of a tree of nodes.
        var vars = StringBuilderCache.Acquire().Append('[');
        for (var i = 0; i < exprs.Count; i++)
        {
            var mark = vars.Length;
            if (vars.Length > 1)
            {
                vars.Append(',');
            }

            if (!AppendOne(vars, exprs[i], path, i, scope))
            {
                vars.Length = mark;
            }
        }

        return JsonBlob.FromText(StringBuilderCache.ToStringAndRelease(vars.Append(']')));
    }

    /// <summary>How a subject scope's variable starts (<c>uri</c> is the whole of it); null for no scope.</summary>
    private static string? VariablePrefix(string scopeName) => scopeName switch
    {
        "Query" => "arg_",
        "Header" => "http_",
        "Cookie" => "cookie_",
        "Path" => "uri",
        "Variable" => string.Empty,
        "Body" => "post_arg.",
        _ => null,
    };

    /// <summary>True when the subject names an APISIX variable; otherwise false, with an error.</summary>
    private static bool CheckSubject(string scopeName, string name, LazyPath exprs, int index, ObjectScope scope)
    {
        if (name.Length == 0 && scopeName != "Path")
        {
            scope.Error(DiagnosticCodes.RequiredField, $"{exprs}[{index}].subject.name", "empty subject name (required unless scope is Path)");
            return false;
        }

        if (VariablePrefix(scopeName) is null)
        {
            scope.Error(DiagnosticCodes.InvalidValue, $"{exprs}[{index}].subject.scope", $"bad subject scope '{scopeName}'; expected one of Header, Query, Cookie, Path, Variable, Body");
            return false;
        }

        return true;
    }

    /// <summary>
    /// The subject's APISIX variable as a JSON string, written straight into the vars text (no string per
    /// expression): the prefix, then the name; a header's lower-cased with <c>-</c> as <c>_</c>.
    /// </summary>
    private static StringBuilder AppendSubject(StringBuilder vars, string scopeName, string name)
    {
        vars.Append('"').Append(VariablePrefix(scopeName));
        if (scopeName == "Header")
        {
            Span<char> header = name.Length <= 128 ? stackalloc char[name.Length] : new char[name.Length];
            for (var i = 0; i < name.Length; i++)
            {
                var c = char.ToLowerInvariant(name[i]);
                header[i] = c == '-' ? '_' : c;
            }

            JsonBlob.AppendEscaped(vars, header);
        }
        else if (scopeName != "Path")
        {
            JsonBlob.AppendEscaped(vars, name);
        }

        return vars.Append('"');
    }

    private static bool AppendOne(StringBuilder vars, ApisixRouteExpr expr, LazyPath exprs, int index, ObjectScope scope)
    {
        var subjectNamed = CheckSubject(expr.Scope, expr.Name, exprs, index, scope);
        if (!Operators.TryGetValue(expr.Op, out var op))
        {
            scope.Error(DiagnosticCodes.InvalidValue, $"{exprs}[{index}].op", $"unknown operator '{expr.Op}'; expected one of {string.Join(", ", Operators.Keys)}");
            return false;
        }

        var isSet = op.Op == "in";
        if (isSet && expr.Set is null)
        {
            scope.Error(DiagnosticCodes.RequiredField, $"{exprs}[{index}].set", $"empty set value ({expr.Op} needs set)");
            return false;
        }

        if (!isSet && expr.Value is null)
        {
            scope.Error(DiagnosticCodes.RequiredField, $"{exprs}[{index}].value", $"neither set nor value is provided ({expr.Op} needs value)");
            return false;
        }

        if (!subjectNamed)
        {
            return false;
        }

        AppendSubject(vars.Append('['), expr.Scope, expr.Name).Append(',');

        if (op.Negate)
        {
            vars.Append("\"!\",");
        }

        JsonBlob.AppendQuoted(vars, op.Op).Append(',');
        if (isSet)
        {
            vars.Append('[');
            for (var i = 0; i < expr.Set!.Value.Count; i++)
            {
                JsonBlob.AppendQuoted(i == 0 ? vars : vars.Append(','), expr.Set.Value[i]);
            }

            vars.Append(']');
        }
        else
        {
            JsonBlob.AppendQuoted(vars, expr.Value!);
        }

        vars.Append(']');
        return true;
    }
}
