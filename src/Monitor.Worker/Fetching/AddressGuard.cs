using System.Net;
using System.Net.Sockets;

namespace Monitor.Worker.Fetching;

/// <summary>
/// Decides which resolved addresses the crawler may connect to (the SSRF guard). Public addresses always; loopback,
/// private, CGNAT and other internal ones only inside a network of <c>Monitor:Crawling:AllowedNetworks</c>; link-local
/// (cloud metadata at 169.254.169.254, fe80::/10) and "this host" (0.0.0.0/8, ::) only inside an allowed network that
/// lies within those ranges itself, so a wide entry never opens them by accident. Checked at connect time (after DNS,
/// on every redirect hop); addresses carrying IPv4 inside IPv6 are judged as that IPv4 address.
/// </summary>
public sealed class AddressGuard
{
    /// <summary>Ranges that a wide allowed network never opens: they must be listed themselves (or a part of them).</summary>
    private static readonly IPNetwork[] ExplicitOnly =
    [
        IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("::/128"),
    ];

    private readonly IReadOnlyList<IPNetwork> _allowed;

    /// <summary>A guard that lets internal addresses through only inside <paramref name="allowed"/>.</summary>
    public AddressGuard(IReadOnlyList<IPNetwork> allowed) => _allowed = allowed.Select(Normalize).ToList();

    /// <summary>A guard that allows public addresses only.</summary>
    public static AddressGuard PublicOnly { get; } = new([]);

    /// <summary>The networks that may be reached although internal.</summary>
    public IReadOnlyList<IPNetwork> Allowed => _allowed;

    /// <summary>True when the crawler may connect to <paramref name="address"/>.</summary>
    public bool IsAllowed(IPAddress address)
    {
        var judged = Embedded(address);
        if (IsPublic(judged))
        {
            return true;
        }

        var sensitive = ExplicitOnly.FirstOrDefault(n => n.Contains(judged));
        foreach (var network in _allowed)
        {
            if (network.Contains(judged) && (sensitive == default || Within(network, sensitive)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="address"/> is public (not loopback, private, link-local, CGNAT, multicast...).</summary>
    public static bool IsPublic(IPAddress address)
    {
        address = Embedded(address);
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 10
                || b[0] == 0
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19))
                || b[0] >= 224);
        }

        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal);
    }

    /// <summary>The IPv4 address carried inside an IPv6 one (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16,
    /// IPv4-compatible ::a.b.c.d), else the address itself.</summary>
    public static IPAddress Embedded(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        if (bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xff && bytes[3] == 0x9b && bytes.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
        {
            return new IPAddress(bytes.AsSpan(12, 4));
        }

        if (bytes[0] == 0x20 && bytes[1] == 0x02)
        {
            return new IPAddress(bytes.AsSpan(2, 4));
        }

        // ::a.b.c.d, but not :: itself or ::1 (loopback).
        if (bytes.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0 && bytes.AsSpan(12, 2).IndexOfAnyExcept((byte)0) >= 0)
        {
            return new IPAddress(bytes.AsSpan(12, 4));
        }

        return address;
    }

    /// <summary>A <see cref="SocketsHttpHandler.ConnectCallback"/> that refuses the addresses this guard does not allow.</summary>
    public Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> ConnectCallback() =>
        async (context, cancellationToken) =>
        {
            // A literal address (any spelling the URI parser accepted) is judged as it is: DNS refuses some (0.0.0.0).
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
            var allowed = addresses.Where(IsAllowed).ToArray();
            if (allowed.Length == 0)
            {
                throw new BlockedAddressException(
                    $"refused to connect to {context.DnsEndPoint.Host}: it resolves only to internal addresses ({string.Join(", ", addresses.Select(a => a.ToString()))}) outside Monitor:Crawling:AllowedNetworks");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };

    private static IPNetwork Normalize(IPNetwork network)
    {
        // ::ffff:127.0.0.0/104 is 127.0.0.0/8: entries are compared with addresses after the same unwrapping.
        if (network.BaseAddress.IsIPv4MappedToIPv6 && network.PrefixLength >= 96)
        {
            return new IPNetwork(network.BaseAddress.MapToIPv4(), network.PrefixLength - 96);
        }

        return network;
    }

    private static bool Within(IPNetwork inner, IPNetwork outer) =>
        inner.BaseAddress.AddressFamily == outer.BaseAddress.AddressFamily && inner.PrefixLength >= outer.PrefixLength && outer.Contains(inner.BaseAddress);
}
