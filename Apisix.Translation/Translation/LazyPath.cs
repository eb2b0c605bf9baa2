using System.Globalization;

namespace Apisix.Translation;

/// <summary>
/// A field path that is only written out when a finding needs it: most objects have none, and building
/// every path eagerly is a large share of what a translation allocates.
/// </summary>
/// <param name="Parent">The parent path, e.g. <c>spec.http[0]</c>.</param>
/// <param name="Child">The part to append, e.g. <c>.backends</c>.</param>
/// <param name="Index">An index to append after the child, or -1.</param>
internal readonly record struct LazyPath(string Parent, string Child, int Index = -1)
{
    /// <summary>A path that is already a string.</summary>
    public static implicit operator LazyPath(string path) => new(path, string.Empty);

    /// <summary>The path.</summary>
    public override string ToString() => Index < 0
        ? Parent + Child
        : string.Create(CultureInfo.InvariantCulture, $"{Parent}{Child}[{Index}]");
}
