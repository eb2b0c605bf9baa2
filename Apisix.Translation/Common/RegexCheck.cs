using System.Text.RegularExpressions;

namespace Apisix.Translation;

/// <summary>
/// Regular expressions as APISIX sees them. Whether a user's pattern is valid is PCRE2's call (APISIX compiles it
/// with <c>ngx.re</c>), so <see cref="Compiles"/> and <see cref="Error"/> ask <see cref="PcreSyntax"/>; .NET's dialect
/// differs both ways (it rejects <c>a++</c> and <c>(?P&lt;n&gt;x)</c>, and accepts <c>(?&lt;a-b&gt;x)</c>).
/// <see cref="TryCompile"/> is for the places that must match text with .NET: JSON-schema <c>pattern</c>s, and the simulator.
/// </summary>
internal static class RegexCheck
{
    /// <summary>Whether APISIX (PCRE2) compiles the pattern.</summary>
    public static bool Compiles(string pattern) => PcreSyntax.Error(pattern) is null;

    /// <summary>Why APISIX (PCRE2) would not compile the pattern, e.g. "missing closing parenthesis at offset 4"; null when it would.</summary>
    public static string? Error(string pattern) => PcreSyntax.Error(pattern);

    /// <summary>A pattern as a message shows it: cut after 200 characters, so a huge one does not fill an answer.</summary>
    public static string Shown(string pattern) => pattern.Length <= 200 ? pattern : string.Concat(pattern.AsSpan(0, 200), "…");

    /// <summary>The pattern compiled by .NET, unanchored, with a one-second match limit; null when .NET does not compile it.</summary>
    public static Regex? TryCompile(string pattern, RegexOptions options = RegexOptions.None)
    {
        try
        {
            return new Regex(pattern, options, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
