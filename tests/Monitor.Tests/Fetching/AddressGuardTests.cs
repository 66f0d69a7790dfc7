using System.Net;
using Monitor.Worker.Fetching;

namespace Monitor.Tests.Fetching;

public sealed class AddressGuardTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.10.20.30")]
    [InlineData("::1")]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("10.0.0.1")]
    [InlineData("10.255.255.255")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.254")]
    [InlineData("192.168.1.10")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.255")]
    [InlineData("192.0.0.8")]
    [InlineData("198.18.0.1")]
    [InlineData("224.0.0.251")]
    [InlineData("255.255.255.255")]
    [InlineData("fe80::1")]
    [InlineData("fec0::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456:789a::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("2002:c0a8:0101::1")]
    [InlineData("::127.0.0.1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    public void InternalAddressesAreNotPublic(string address)
    {
        Assert.False(AddressGuard.IsPublic(IPAddress.Parse(address)), address);
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.1")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.1")]
    [InlineData("192.169.0.1")]
    [InlineData("169.253.0.1")]
    [InlineData("203.0.113.200")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void PublicAddressesArePublic(string address)
    {
        Assert.True(AddressGuard.IsPublic(IPAddress.Parse(address)), address);
    }
}

public sealed class ScopedAddressGuardTests
{
    private static AddressGuard Guard(params string[] networks) => new(networks.Select(IPNetwork.Parse).ToList());

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.2")]
    [InlineData("127.255.255.254")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::127.0.0.1")]
    public void LoopbackInsideTheAllowedNetworkIsAllowed(string address)
    {
        Assert.True(Guard("127.0.0.0/8").IsAllowed(IPAddress.Parse(address)), address);
    }

    [Theory]
    [InlineData("127.0.0.1/32", "127.0.0.2")]
    [InlineData("127.0.0.1/32", "::ffff:127.0.0.2")]
    [InlineData("127.0.0.1/32", "::1")]
    [InlineData("127.0.0.1/32", "0.0.0.0")]
    [InlineData("127.0.0.0/8", "::1")]
    [InlineData("127.0.0.0/8", "0.0.0.0")]
    [InlineData("127.0.0.0/8", "10.0.0.1")]
    [InlineData("127.0.0.0/8", "192.168.1.1")]
    [InlineData("127.0.0.0/8", "169.254.169.254")]
    [InlineData("10.0.0.0/8", "127.0.0.1")]
    public void InternalAddressesOutsideTheAllowedNetworksAreRefused(string network, string address)
    {
        Assert.False(Guard(network).IsAllowed(IPAddress.Parse(address)), $"{address} with {network}");
    }

    [Theory]
    [InlineData("0.0.0.0/0")]
    [InlineData("128.0.0.0/1")]
    [InlineData("169.0.0.0/8")]
    [InlineData("::/0")]
    public void WideNetworksNeverOpenLinkLocalOrMetadata(string network)
    {
        var guard = Guard(network, "::/0");
        Assert.False(guard.IsAllowed(IPAddress.Parse("169.254.169.254")), network);
        Assert.False(guard.IsAllowed(IPAddress.Parse("::ffff:169.254.169.254")), network);
        Assert.False(guard.IsAllowed(IPAddress.Parse("fe80::1")), network);
        Assert.False(guard.IsAllowed(IPAddress.Parse("0.0.0.0")), network);
    }

    [Fact]
    public void LinkLocalIsAllowedWhenListedItself()
    {
        var guard = Guard("169.254.169.254/32");
        Assert.True(guard.IsAllowed(IPAddress.Parse("169.254.169.254")));
        Assert.False(guard.IsAllowed(IPAddress.Parse("169.254.0.1")));
    }

    [Fact]
    public void WideNetworksOpenOrdinaryPrivateRanges()
    {
        var guard = Guard("0.0.0.0/0");
        Assert.True(guard.IsAllowed(IPAddress.Parse("10.1.2.3")));
        Assert.True(guard.IsAllowed(IPAddress.Parse("127.0.0.1")));
    }

    [Fact]
    public void PublicAddressesAreAlwaysAllowed()
    {
        Assert.True(AddressGuard.PublicOnly.IsAllowed(IPAddress.Parse("8.8.8.8")));
        Assert.False(AddressGuard.PublicOnly.IsAllowed(IPAddress.Parse("127.0.0.1")));
    }
}
