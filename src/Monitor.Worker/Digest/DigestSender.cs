using System.Net.Sockets;
using System.Threading.RateLimiting;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Monitor.Worker.Digest;

/// <summary>
/// Sends a batch of messages over one SMTP connection (connect, authenticate if configured, send each, disconnect), at
/// most <see cref="SmtpOptions.MaxMessagesPerSecond"/> over all batches, or writes them as <c>.eml</c> files to the outbox
/// when no SMTP host is configured. A refused or timed-out recipient fails only its own message: the connection is reset
/// (or opened again) and the rest of the batch goes on. Failures are told apart by type and reply code.
/// </summary>
public sealed class DigestSender : IDisposable
{
    private readonly IOptions<SmtpOptions> _smtpOptions;
    private readonly IOptions<DigestOptions> _digestOptions;
    private readonly ILogger<DigestSender> _logger;
    private readonly RateLimiter? _rate;

    public DigestSender(IOptions<SmtpOptions> smtpOptions, IOptions<DigestOptions> digestOptions, ILogger<DigestSender> logger)
    {
        _smtpOptions = smtpOptions;
        _digestOptions = digestOptions;
        _logger = logger;
        var perSecond = smtpOptions.Value.MaxMessagesPerSecond;
        _rate = perSecond <= 0 ? null : new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, perSecond / 10),
            TokensPerPeriod = Math.Max(1, perSecond / 10),
            ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    /// <summary>True when messages go to the outbox directory instead of an SMTP server.</summary>
    public bool UsesOutbox => string.IsNullOrWhiteSpace(_smtpOptions.Value.Host);

    /// <summary>Sends <paramref name="messages"/> over one connection; one result per message, in order.</summary>
    public Task<IReadOnlyList<SendResult>> SendAsync(IReadOnlyList<MimeMessage> messages, CancellationToken cancellationToken) =>
        SendAsync(messages.Count, i => messages[i], cancellationToken);

    /// <summary>
    /// Sends <paramref name="count"/> messages over one connection, each composed by <paramref name="message"/> just
    /// before it is sent (so a batch never holds all its messages in memory); one result per message, in order.
    /// <paramref name="each"/>, when given, is told each message's result as soon as it is known, before the next message
    /// is sent: a caller that records it there leaves at most one message accepted but unrecorded if the process dies.
    /// </summary>
    public async Task<IReadOnlyList<SendResult>> SendAsync(int count, Func<int, MimeMessage> message, CancellationToken cancellationToken, Func<int, SendResult, Task>? each = null)
    {
        if (count == 0)
        {
            return [];
        }

        return UsesOutbox ? await WriteOutboxAsync(count, message, each, cancellationToken) : await SendSmtpAsync(count, message, each, cancellationToken);
    }

    private static async Task<SendResult> ReportAsync(Func<int, SendResult, Task>? each, int index, SendResult result)
    {
        if (each is not null)
        {
            await each(index, result);
        }

        return result;
    }

    /// <inheritdoc />
    public void Dispose() => _rate?.Dispose();

    private async Task<IReadOnlyList<SendResult>> WriteOutboxAsync(int count, Func<int, MimeMessage> compose, Func<int, SendResult, Task>? each, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(_digestOptions.Value.OutboxDirectory);
        Directory.CreateDirectory(directory);
        var results = new List<SendResult>();
        for (var i = 0; i < count; i++)
        {
            var message = compose(i);
            var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("n")).Replace('@', '.').Split(Path.GetInvalidFileNameChars()));
            var path = Path.Combine(directory, $"{name}.eml");
            var temporary = path + ".tmp";
            await message.WriteToAsync(temporary, cancellationToken);

            // Rename last, so a crash never leaves a half-written digest that looks complete.
            File.Move(temporary, path, overwrite: true);
            _logger.LogInformation("Wrote mail for {Recipient} to {Path}", message.To.ToString(), path);
            results.Add(await ReportAsync(each, i, new SendResult(true)));
        }

        return results;
    }

    private async Task<IReadOnlyList<SendResult>> SendSmtpAsync(int count, Func<int, MimeMessage> compose, Func<int, SendResult, Task>? each, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = _smtpOptions.Value.TimeoutSeconds * 1000 };
        var results = new List<SendResult>(count);
        string? connectError = null;
        try
        {
            for (var i = 0; i < count; i++)
            {
                if (!client.IsConnected)
                {
                    // A first connection, or a new one after a recipient's failure closed the last: a refused
                    // connection fails the rest of the batch at once instead of waiting for each message.
                    connectError ??= await ConnectAsync(client, cancellationToken);
                    if (connectError is not null)
                    {
                        results.Add(await ReportAsync(each, i, new SendResult(false, connectError)));
                        continue;
                    }
                }

                if (_rate is not null)
                {
                    using var lease = await _rate.AcquireAsync(1, cancellationToken);
                }

                results.Add(await ReportAsync(each, i, await SendOneAsync(client, compose(i), cancellationToken)));
            }
        }
        finally
        {
            if (client.IsConnected)
            {
                try
                {
                    await client.DisconnectAsync(true, CancellationToken.None);
                }
                catch (Exception ex) when (ex is IOException or SmtpProtocolException or SocketException)
                {
                    _logger.LogDebug(ex, "SMTP disconnect failed");
                }
            }
        }

        return results;
    }

    private async Task<string?> ConnectAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        var options = _smtpOptions.Value;
        Socket? socket = null;
        try
        {
            // Our own socket, to turn Nagle's algorithm off: with it, the end of each message waits for the server's
            // delayed ACK (about 40 ms a message).
            socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                connectTimeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
                try
                {
                    await socket.ConnectAsync(options.Host!, options.Port, connectTimeout.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException($"no connection within {options.TimeoutSeconds} s");
                }
            }

            await client.ConnectAsync(socket, options.Host!, options.Port, options.Security, cancellationToken);
            socket = null;
            if (!string.IsNullOrEmpty(options.UserName))
            {
                await client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
            }

            return null;
        }
        catch (Exception ex) when (ex is SocketException or IOException or SmtpProtocolException or SmtpCommandException or AuthenticationException or SslHandshakeException or TimeoutException)
        {
            _logger.LogError("SMTP connection to {Host}:{Port} failed: {Reason}", options.Host, options.Port, ex.Message);
            return $"SMTP connection failed: {ex.Message}";
        }
        finally
        {
            // Owned by the client once connected; disposed here only when the connection never got that far.
            socket?.Dispose();
        }
    }

    private async Task<SendResult> SendOneAsync(SmtpClient client, MimeMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await client.SendAsync(message, cancellationToken);
            _logger.LogDebug("Sent {MessageId} to {Recipient}", message.MessageId, message.To.ToString());
            return new SendResult(true);
        }
        catch (SmtpCommandException ex)
        {
            var code = (int)ex.StatusCode;
            var permanent = code >= 500;
            var bounce = permanent && ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted;
            _logger.LogWarning("SMTP refused {MessageId} for {Recipient}: {StatusCode} {Error}", message.MessageId, ex.Mailbox?.Address ?? message.To.ToString(), code, ex.Message);
            return new SendResult(false, $"{code} {ex.Message}", permanent, bounce);
        }
        catch (Exception ex) when (ex is SmtpProtocolException or IOException or SocketException or ServiceNotConnectedException or TimeoutException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The connection is unusable now (a timeout or a drop): this message waits for the next run, and the next
            // message opens a new connection.
            _logger.LogWarning("SMTP failed sending {MessageId} to {Recipient}: {Reason}", message.MessageId, message.To.ToString(), ex.Message);
            if (client.IsConnected)
            {
                try
                {
                    await client.DisconnectAsync(false, CancellationToken.None);
                }
                catch (Exception disconnect) when (disconnect is IOException or SmtpProtocolException or SocketException)
                {
                    _logger.LogDebug(disconnect, "SMTP disconnect after failure failed");
                }
            }

            return new SendResult(false, $"SMTP failed: {ex.Message}");
        }
    }
}
