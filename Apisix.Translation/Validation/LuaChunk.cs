namespace Apisix.Translation.Validation;

/// <summary>
/// A light syntax check of Lua source, for the checks APISIX makes with <c>loadstring</c>: strings and
/// comments terminate, brackets balance, blocks (<c>function/if/do/repeat</c> … <c>end/until</c>) close,
/// and — for serverless functions — the chunk returns a function. It is not a Lua compiler: it catches the
/// mistakes people make, and says nothing about valid-looking code that Lua would still refuse.
/// </summary>
internal static class LuaChunk
{
    private static readonly HashSet<string> Openers = ["function", "if", "do", "repeat"];

    /// <summary>Null when the chunk looks well-formed, else what is wrong.</summary>
    public static string? Problem(string code, bool mustReturnFunction)
    {
        var tokens = new List<string>();
        var brackets = new Stack<char>();
        var i = 0;
        while (i < code.Length)
        {
            var c = code[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '-' && At(code, i, "--"))
            {
                i = At(code, i + 2, "[[") ? Find(code, i + 4, "]]") : Line(code, i);
                if (i < 0)
                {
                    return "a long comment is not closed";
                }
            }
            else if (c is '"' or '\'')
            {
                var end = i + 1;
                while (end < code.Length && code[end] != c && code[end] != '\n')
                {
                    end += code[end] == '\\' ? 2 : 1;
                }

                if (end >= code.Length || code[end] != c)
                {
                    return "a string is not closed";
                }

                tokens.Add("\"");
                i = end + 1;
            }
            else if (c == '[' && At(code, i, "[["))
            {
                i = Find(code, i + 2, "]]");
                if (i < 0)
                {
                    return "a long string is not closed";
                }

                tokens.Add("\"");
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var end = i;
                while (end < code.Length && (char.IsLetterOrDigit(code[end]) || code[end] == '_'))
                {
                    end++;
                }

                tokens.Add(code[i..end]);
                i = end;
            }
            else
            {
                if (c is '(' or '[' or '{')
                {
                    brackets.Push(c);
                }
                else if (c is ')' or ']' or '}')
                {
                    if (brackets.Count == 0 || brackets.Pop() != (c == ')' ? '(' : c == ']' ? '[' : '{'))
                    {
                        return $"'{c}' does not match an opening bracket";
                    }
                }

                tokens.Add(c.ToString());
                i++;
            }
        }

        if (brackets.Count > 0)
        {
            return $"'{brackets.Peek()}' is not closed";
        }

        var depth = 0;
        var returnsFunction = false;
        for (var t = 0; t < tokens.Count; t++)
        {
            if (Openers.Contains(tokens[t]))
            {
                depth++;
            }
            else if (tokens[t] is "end" or "until" && --depth < 0)
            {
                return $"'{tokens[t]}' closes no block";
            }
            else if (tokens[t] == "return" && depth == 0 && t + 1 < tokens.Count && tokens[t + 1] == "function")
            {
                returnsFunction = true;
            }
        }

        if (depth > 0)
        {
            return "a block (function, if, do or repeat) is not closed with end";
        }

        return mustReturnFunction && !returnsFunction ? "the code must return a function (return function(conf, ctx) ... end)" : null;
    }

    private static bool At(string text, int index, string token) => string.CompareOrdinal(text, index, token, 0, token.Length) == 0;

    private static int Find(string text, int from, string token)
    {
        var found = text.IndexOf(token, from, StringComparison.Ordinal);
        return found < 0 ? -1 : found + token.Length;
    }

    private static int Line(string text, int from)
    {
        var end = text.IndexOf('\n', from);
        return end < 0 ? text.Length : end + 1;
    }
}
