using System.Net;
using System.Net.Sockets;

namespace Guichet.Domain.Security;

/// <summary>
/// The key of a per-address budget: an IPv4 address as it is, an IPv6 address by its /64 network, since one IPv6 host
/// commonly holds a whole /64 and could otherwise take a new budget with each of its addresses.
/// </summary>
public static class AddressPartition
{
    public const string Unknown = "unknown";

    public static string Of(string? remoteAddress) =>
        IPAddress.TryParse(remoteAddress, out var address) ? Of(address) : Unknown;

    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return Unknown;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
