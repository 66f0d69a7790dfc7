using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using ServiceProvider = SmtpServer.ComponentModel.ServiceProvider;

namespace Monitor.IntegrationTests.Infrastructure;

/// <summary>A real SMTP server (NuGet SmtpServer) on 127.0.0.1 that keeps every message it accepts.</summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly Store _store = new();
    private readonly Filter _filter = new();
    private bool _disposed;

    private readonly Authenticator _authenticator = new();

    private LoopbackSmtpServer(int port, bool acceptLogins)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).AllowUnsecureAuthentication(acceptLogins))
            .Build();
        var services = new ServiceProvider();
        services.Add(_store);
        services.Add(_filter);
        if (acceptLogins)
        {
            services.Add(_authenticator);
        }
        var server = new SmtpServer.SmtpServer(options, services);

        // Off the test framework's synchronization context: server sessions must not queue behind the test's own awaits.
        _running = Task.Run(() => server.StartAsync(_stop.Token));
    }

    public int Port { get; }

    /// <summary>Messages accepted so far.</summary>
    public IReadOnlyList<MimeMessage> Messages => _store.Messages.ToList();

    /// <summary>Completes when a client sends MAIL FROM (before any message is accepted).</summary>
    public Task MailFromReceived => _filter.MailFrom.Task;

    /// <summary>While set, MAIL FROM is held (never answered) until the client goes away.</summary>
    public bool HoldMailFrom
    {
        get => _filter.Hold;
        set => _filter.Hold = value;
    }

    /// <summary>The user names and passwords clients logged in with (only with <c>acceptLogins</c>).</summary>
    public IReadOnlyList<(string User, string Password)> Logins => _authenticator.Logins.ToList();

    /// <summary>Starts a server; with <paramref name="acceptLogins"/> it offers AUTH on plain text and records each login.</summary>
    public static LoopbackSmtpServer Start(bool acceptLogins = false) => Start(LoopbackPorts.Free(), acceptLogins);

    /// <summary>Starts a server on <paramref name="port"/> and waits until it answers.</summary>
    public static LoopbackSmtpServer Start(int port, bool acceptLogins = false)
    {
        var server = new LoopbackSmtpServer(port, acceptLogins);

        // The server binds on a pool thread: wait until it answers, so a client connecting at once is not refused.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20);
            }
        }
    }

    /// <summary>Answers RCPT TO <paramref name="address"/> with <paramref name="code"/> (e.g. 550 or 450) the next
    /// <paramref name="times"/> times, then accepts it again.</summary>
    public void RejectRecipient(string address, int code, int times = int.MaxValue) =>
        _filter.Rejections[address.ToLowerInvariant()] = (code, times);

    /// <summary>RCPT TO commands answered with a rejection so far.</summary>
    public int Rejected => _filter.RejectedCount;

    /// <summary>Messages accepted for <paramref name="address"/>.</summary>
    public IReadOnlyList<MimeMessage> MessagesTo(string address) =>
        Messages.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>Waits until <paramref name="count"/> messages arrived or the timeout passed.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForMessagesAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_store.Messages.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return Messages;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
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

    private sealed class Authenticator : SmtpServer.Authentication.UserAuthenticator
    {
        public ConcurrentQueue<(string User, string Password)> Logins { get; } = new();

        public override Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken cancellationToken)
        {
            Logins.Enqueue((user, password));
            return Task.FromResult(true);
        }
    }

    private sealed class Store : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Messages { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken).ConfigureAwait(false));
            return SmtpResponse.Ok;
        }
    }

    private sealed class Filter : MailboxFilter
    {
        public TaskCompletionSource MailFrom { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public volatile bool Hold;

        public ConcurrentDictionary<string, (int Code, int Times)> Rejections { get; } = new(StringComparer.Ordinal);

        public int RejectedCount;

        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            var address = $"{to.User}@{to.Host}".ToLowerInvariant();
            if (Rejections.TryGetValue(address, out var rule) && rule.Times > 0)
            {
                Rejections[address] = (rule.Code, rule.Times - 1);
                Interlocked.Increment(ref RejectedCount);
                throw new SmtpResponseException(new SmtpResponse((SmtpReplyCode)rule.Code,
                    rule.Code >= 500 ? "5.1.1 mailbox does not exist" : "4.2.1 mailbox busy, try later"));
            }

            return Task.FromResult(true);
        }

        public override async Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken)
        {
            MailFrom.TrySetResult();
            while (Hold && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(50, CancellationToken.None).ConfigureAwait(false);
            }

            return true;
        }
    }
}
