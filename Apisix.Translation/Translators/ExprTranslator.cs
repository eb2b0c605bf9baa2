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

    /// <summary>The APISIX variable for a subject, or null with an error.</summary>
    public static string? Subject(string scopeName, string name, LazyPath exprs, int index, ObjectScope scope)
    {
        if (name.Length == 0 && scopeName != "Path")
        {
            scope.Error(DiagnosticCodes.RequiredField, $"{exprs}[{index}].subject.name", "empty subject name (required unless scope is Path)");
            return null;
        }

        switch (scopeName)
        {
            case "Query":
                return "arg_" + name;
            case "Header":
                return HeaderVariable(name);
            case "Cookie":
                return "cookie_" + name;
            case "Path":
                return "uri";
            case "Variable":
                return name;
            case "Body":
                return "post_arg." + name;
            default:
                scope.Error(DiagnosticCodes.InvalidValue, $"{exprs}[{index}].subject.scope", $"bad subject scope '{scopeName}'; expected one of Header, Query, Cookie, Path, Variable, Body");
                return null;
        }
    }

    /// <summary><c>http_</c> + the header name lower-cased with <c>-</c> as <c>_</c>, in one allocation.</summary>
    private static string HeaderVariable(string name) => string.Create(name.Length + 5, name, static (span, header) =>
    {
        "http_".AsSpan().CopyTo(span);
        for (var i = 0; i < header.Length; i++)
        {
            var c = char.ToLowerInvariant(header[i]);
            span[i + 5] = c == '-' ? '_' : c;
        }
    });

    /// <summary>As <see cref="HeaderVariable"/>, quoted, onto <paramref name="vars"/> (the name needs no escaping).</summary>
    private static StringBuilder AppendHeaderVariable(StringBuilder vars, string header)
    {
        vars.Append("\"http_");
        foreach (var c in header)
        {
            var lower = char.ToLowerInvariant(c);
            vars.Append(lower == '-' ? '_' : lower);
        }

        return vars.Append('"');
    }

    private static bool AppendOne(StringBuilder vars, ApisixRouteExpr expr, LazyPath exprs, int index, ObjectScope scope)
    {
        // The common subject, a header, is written straight into the text: no string of its own per route.
        var header = expr.Scope == "Header" && expr.Name.Length > 0 && !JsonBlob.NeedsEscaping(expr.Name);
        var subject = header ? null : Subject(expr.Scope, expr.Name, exprs, index, scope);
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

        if (!header && subject is null)
        {
            return false;
        }

        if (header)
        {
            AppendHeaderVariable(vars.Append('['), expr.Name).Append(',');
        }
        else
        {
            JsonBlob.AppendQuoted(vars.Append('['), subject!).Append(',');
        }

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
