using System.Text.RegularExpressions;

namespace Apisix.Translation;

/// <summary>
/// Whether a user's regular expression compiles. .NET's dialect is close to the PCRE that APISIX uses for
/// the common cases; a pattern that fails here would fail there too.
/// </summary>
internal static class RegexCheck
{
    public static bool Compiles(string pattern) => TryCompile(pattern) is not null;

    /// <summary>The pattern compiled, unanchored, with a one-second match limit; null when it does not compile.</summary>
    public static Regex? TryCompile(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
