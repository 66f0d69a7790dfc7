using System.Buffers;
using System.Net;
using System.Net.Sockets;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Monitor.Worker.Digest;

/// <summary>A real SMTP server (the SmtpServer package) on 127.0.0.1 that accepts every message and counts it, for
/// <c>bench digest</c>. Nothing is stored.</summary>
public sealed class BenchmarkSmtpSink : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly Counter _counter = new();

    private BenchmarkSmtpSink(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_counter);
        services.Add(new NoDelayListenerFactory());
        _running = Task.Run(() => new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token));
    }

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary>Messages accepted.</summary>
    public long Messages => Interlocked.Read(ref _counter.Messages);

    /// <summary>Bytes accepted.</summary>
    public long Bytes => Interlocked.Read(ref _counter.Bytes);

    /// <summary>Starts on a free loopback port and waits until it answers.</summary>
    public static BenchmarkSmtpSink Start()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var sink = new BenchmarkSmtpSink(port);
        for (var i = 0; i < 500; i++)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return sink;
            }
            catch (SocketException)
            {
                Thread.Sleep(20);
            }
        }

        throw new IOException($"the benchmark SMTP server did not start on port {port}");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    // The package's listener leaves Nagle's algorithm on: with pipelined commands each reply then waits for the client's
    // delayed ACK (about 40 ms a message), which would measure the loopback server, not Monitor.
    private sealed class NoDelayListenerFactory : SmtpServer.Net.IEndpointListenerFactory
    {
        public SmtpServer.Net.IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
        {
            var listener = new TcpListener(endpointDefinition.Endpoint);
            listener.Start();
            return new NoDelayListener(listener);
        }
    }

    private sealed class NoDelayListener(TcpListener listener) : SmtpServer.Net.IEndpointListener
    {
        public async Task<SmtpServer.IO.ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            var client = await listener.AcceptTcpClientAsync(cancellationToken).ConfigureAwait(false);
            client.NoDelay = true;
            context.Properties.Add(SmtpServer.Net.EndpointListener.LocalEndPointKey, client.Client.LocalEndPoint);
            context.Properties.Add(SmtpServer.Net.EndpointListener.RemoteEndPointKey, client.Client.RemoteEndPoint);
            return new PlainPipe(client);
        }

        public void Dispose() => listener.Stop();
    }

    private sealed class PlainPipe(TcpClient client) : SmtpServer.IO.ISecurableDuplexPipe
    {
        private readonly NetworkStream _stream = client.GetStream();

        public System.IO.Pipelines.PipeReader Input { get; } = System.IO.Pipelines.PipeReader.Create(client.GetStream());

        public System.IO.Pipelines.PipeWriter Output { get; } = System.IO.Pipelines.PipeWriter.Create(client.GetStream());

        public bool IsSecure => false;

        public System.Security.Authentication.SslProtocols SslProtocol => System.Security.Authentication.SslProtocols.None;

        public Task UpgradeAsync(System.Security.Cryptography.X509Certificates.X509Certificate certificate,
            System.Security.Authentication.SslProtocols protocols, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("the benchmark server speaks plain SMTP");

        public void Dispose()
        {
            _stream.Dispose();
            client.Dispose();
        }
    }

    private sealed class Counter : MessageStore
    {
        public long Messages;
        public long Bytes;

        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Messages);
            Interlocked.Add(ref Bytes, buffer.Length);
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
