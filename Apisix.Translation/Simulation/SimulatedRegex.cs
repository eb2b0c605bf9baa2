using System.Text.RegularExpressions;

namespace Apisix.Translation.Simulation;

/// <summary>
/// APISIX's PCRE patterns run with .NET's <see cref="Regex"/>, the only engine the simulator has. Where the two
/// dialects part, it does not guess: a pattern PCRE2 rejects never matches (ngx.re fails, and the condition does not
/// hold), and one PCRE2 accepts that .NET cannot run the same way gives no answer (null), for the caller to report.
/// </summary>
/// <remarks>
/// Left alone: without UTF mode PCRE's <c>\w</c>, <c>\d</c> and case folding are ASCII only where .NET's are Unicode,
/// which only tells apart on non-ASCII text.
/// </remarks>
internal static class SimulatedRegex
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(1);

    /// <summary>Whether the pattern finds a match in the input; null when the simulator cannot run it.</summary>
    public static bool? IsMatch(string input, string pattern, bool ignoreCase = false)
    {
        if (!RegexCheck.Compiles(pattern))
        {
            return false;
        }

        return ForDotNet(pattern, ignoreCase)?.IsMatch(input);
    }

    /// <summary>The input with the first match replaced as ngx.re.sub does ($1 and ${1} captures); null when the simulator cannot run it.</summary>
    public static (bool Matched, string Result)? Substitute(string input, string pattern, string template)
    {
        if (!RegexCheck.Compiles(pattern))
        {
            return (false, input);
        }

        var regex = ForDotNet(pattern, ignoreCase: false);
        if (regex is null)
        {
            return null;
        }

        return regex.IsMatch(input) ? (true, regex.Replace(input, template, 1)) : (false, input);
    }

    /// <summary>What a note says of a pattern the simulator could not run.</summary>
    public static string CannotRun(string pattern) =>
        $"the regex '{pattern}' is valid PCRE that the simulator (.NET) cannot run the same way (such as a++, (?P<name>...), \\K or [a-z-[aeiou]])";

    /// <summary>.NET's compilation of a pattern PCRE accepts, or null when .NET rejects it or would read it otherwise.</summary>
    private static Regex? ForDotNet(string pattern, bool ignoreCase) =>
        SubtractsInClass(pattern) ? null : RegexCheck.TryCompile(pattern, ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);

    /// <summary>
    /// Whether a class holds "-[": .NET reads [a-z-[aeiou]] as a class subtraction, PCRE as the class [a-z\-\[aeiou]
    /// followed by a literal ']'.
    /// </summary>
    private static bool SubtractsInClass(string pattern)
    {
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\':
                    i++;
                    break;
                case '[' when !inClass:
                    inClass = true;
                    // A ']' first in the class (after an optional '^') is a member, not its end.
                    i += i + 1 < pattern.Length && pattern[i + 1] == '^' ? 1 : 0;
                    i += i + 1 < pattern.Length && pattern[i + 1] == ']' ? 1 : 0;
                    break;
                case ']' when inClass:
                    inClass = false;
                    break;
                case '-' when inClass && i + 1 < pattern.Length && pattern[i + 1] == '[':
                    return true;
            }
        }

        return false;
    }
}
