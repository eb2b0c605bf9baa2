using System.Globalization;

namespace Apisix.Translation.Validation;

/// <summary>An APISIX version profile, <c>major.minor</c> (3.18 by default).</summary>
/// <param name="Major">The major version.</param>
/// <param name="Minor">The minor version.</param>
public readonly record struct ApisixVersion(int Major, int Minor) : IComparable<ApisixVersion>
{
    /// <summary>The newest version the embedded schemas describe.</summary>
    public static ApisixVersion Latest { get; } = new(3, 18);

    /// <summary>Parses <c>3.18</c> (a patch part, <c>3.18.1</c>, is ignored).</summary>
    public static bool TryParse(string? text, out ApisixVersion version)
    {
        version = default;
        var parts = text?.Split('.') ?? [];
        if (parts.Length < 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major) || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return false;
        }

        version = new ApisixVersion(major, minor);
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(ApisixVersion other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    /// <summary>Compares versions.</summary>
    public static bool operator <(ApisixVersion left, ApisixVersion right) => left.CompareTo(right) < 0;

    /// <summary>Compares versions.</summary>
    public static bool operator >(ApisixVersion left, ApisixVersion right) => left.CompareTo(right) > 0;

    /// <summary>Compares versions.</summary>
    public static bool operator <=(ApisixVersion left, ApisixVersion right) => left.CompareTo(right) <= 0;

    /// <summary>Compares versions.</summary>
    public static bool operator >=(ApisixVersion left, ApisixVersion right) => left.CompareTo(right) >= 0;

    /// <summary><c>major.minor</c>.</summary>
    public override string ToString() => $"{Major}.{Minor}";
}
