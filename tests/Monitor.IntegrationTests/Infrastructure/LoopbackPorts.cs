using System.Net;
using System.Net.Sockets;

namespace Monitor.IntegrationTests.Infrastructure;

/// <summary>Ports on 127.0.0.1 for servers that cannot report the ephemeral port they were given (SmtpServer, a worker
/// process's Kestrel), or that must come up later on a known port.</summary>
public static class LoopbackPorts
{
    /// <summary>A port nothing listens on now, taken from the OS and released.</summary>
    public static int Free()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
