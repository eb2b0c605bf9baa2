using System.Buffers;

namespace Apisix.Translation;

/// <summary>
/// The host patterns of the form <c>^\*?[chars]+$</c>: an optional leading <c>*</c>, then at least one allowed
/// character. Checked by hand, as they run for every host of every review.
/// </summary>
internal static class WildcardHost
{
    /// <summary>The 1.x CRD pattern's characters: <c>[0-9a-zA-Z-._]</c>.</summary>
    public static readonly SearchValues<char> CrdCharacters = SearchValues.Create("-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz");

    /// <summary>APISIX's <c>host_def</c> characters: <c>[0-9a-zA-Z-._\[\]:]</c>.</summary>
    public static readonly SearchValues<char> ApisixCharacters = SearchValues.Create("-.0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ[]_abcdefghijklmnopqrstuvwxyz");

    /// <summary>True when <paramref name="host"/> is an optional <c>*</c> followed by one or more of <paramref name="allowed"/>.</summary>
    public static bool Matches(string host, SearchValues<char> allowed)
    {
        var start = host.StartsWith('*') ? 1 : 0;
        return host.Length > start && !host.AsSpan(start).ContainsAnyExcept(allowed);
    }
}
