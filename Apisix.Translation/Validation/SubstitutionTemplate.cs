namespace Apisix.Translation.Validation;

/// <summary>
/// Whether an <c>ngx.re.sub</c> replacement template compiles (the second item of a <c>regex_uri</c> pair).
/// lua-resty-core compiles the template with the regex, before any match, so APISIX's check on a fake URI
/// refuses a bad one. A <c>$</c> must be followed by <c>$</c> (a literal dollar), digits (<c>$1</c>) or
/// digits in braces (<c>${1}</c>); named captures and nginx variables such as <c>$uri</c> are not supported.
/// </summary>
internal static class SubstitutionTemplate
{
    /// <summary>Null when <paramref name="template"/> compiles, else what is wrong.</summary>
    public static string? Problem(string template)
    {
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '$')
            {
                continue;
            }

            if (++i == template.Length)
            {
                return "ends with a lone '$' (write '$$' for a literal dollar)";
            }

            if (template[i] == '$')
            {
                continue;
            }

            var braced = template[i] == '{';
            var start = braced ? i + 1 : i;
            var end = start;
            while (end < template.Length && char.IsAsciiDigit(template[end]))
            {
                end++;
            }

            if (end == start)
            {
                return $"'${template[i..Math.Min(template.Length, i + 8)]}' is not a capture reference: only $1, ${{1}} and $$ are allowed (no names or nginx variables)";
            }

            if (braced && (end == template.Length || template[end] != '}'))
            {
                return $"the closing brace of '${template[i..end]}' is missing";
            }

            i = braced ? end : end - 1;
        }

        return null;
    }
}
