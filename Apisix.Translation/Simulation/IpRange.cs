using System.Globalization;
using System.Net;

namespace Apisix.Translation.Simulation;

/// <summary>IP and CIDR containment, for <c>remote_addrs</c>, <c>ipmatch</c> and ip-restriction.</summary>
public static class IpRange
{
    /// <summary>True when <paramref name="address"/> is the IP <paramref name="range"/> or lies in the CIDR.</summary>
    public static bool Contains(string range, IPAddress address)
    {
        var slash = range.IndexOf('/', StringComparison.Ordinal);
        if (!IPAddress.TryParse(slash < 0 ? range : range[..slash], out var network))
        {
            return false;
        }

        if (network.AddressFamily != address.AddressFamily)
        {
            return false;
        }

        var bits = network.GetAddressBytes().Length * 8;
        var prefix = slash < 0 ? bits : int.Parse(range[(slash + 1)..], CultureInfo.InvariantCulture);
        var a = network.GetAddressBytes();
        var b = address.GetAddressBytes();
        for (var i = 0; i < prefix; i++)
        {
            var mask = 0x80 >> (i % 8);
            if ((a[i / 8] & mask) != (b[i / 8] & mask))
            {
                return false;
            }
        }

        return true;
    }
}
