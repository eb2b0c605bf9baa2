using System.Text.RegularExpressions;

namespace Apisix.Translation;

/// <summary>
/// Whether a user's regular expression compiles. .NET's dialect is close to the PCRE that APISIX uses for
/// the common cases; a pattern that fails here would fail there too.
/// </summary>
internal static class RegexCheck
{
    public static bool Compiles(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
