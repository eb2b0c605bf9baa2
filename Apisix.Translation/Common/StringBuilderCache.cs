using System.Text;

namespace Apisix.Translation;

/// <summary>
/// One reusable <see cref="StringBuilder"/> per thread for text built in hot loops (a route's vars), so
/// that building a short string costs the string alone. Small builders only; large ones are not kept.
/// </summary>
internal static class StringBuilderCache
{
    private const int MaxKeptCapacity = 1024;

    [ThreadStatic]
    private static StringBuilder? _cached;

    /// <summary>An empty builder: the cached one when free, else a new one.</summary>
    public static StringBuilder Acquire()
    {
        var builder = _cached;
        if (builder is null)
        {
            return new StringBuilder(256);
        }

        _cached = null;
        return builder.Clear();
    }

    /// <summary>The builder's text; the builder is kept for the next <see cref="Acquire"/> if small.</summary>
    public static string ToStringAndRelease(StringBuilder builder)
    {
        var text = builder.ToString();
        if (builder.Capacity <= MaxKeptCapacity)
        {
            _cached = builder;
        }

        return text;
    }
}
