using System.Net;
using Monitor.Worker.Storage;

namespace Monitor.Tests.Storage;

/// <summary>What the per-client form limit counts a client by.</summary>
public sealed class RequestCounterClientTests
{
    [Theory]
    [InlineData("192.0.2.7", "192.0.2.7")]
    [InlineData("::ffff:192.0.2.7", "192.0.2.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("::1", "::/64")]
    public void ClientsAreCountedByAddressAndIpv6ByItsNetwork(string address, string counted) =>
        Assert.Equal(counted, RequestCounter.Client(IPAddress.Parse(address)));

    [Fact]
    public void TwoAddressesOfOneIpv6NetworkAreOneClient() =>
        Assert.Equal(RequestCounter.Client(IPAddress.Parse("2001:db8:5::1")), RequestCounter.Client(IPAddress.Parse("2001:db8:5::ffff:2")));

    [Fact]
    public void AConnectionWithoutAnAddressIsCountedAsOneUnknownClient() =>
        Assert.Equal("unknown", RequestCounter.Client(null));
}
