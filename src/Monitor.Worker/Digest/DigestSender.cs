using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Monitor.Worker.Digest;

/// <summary>
/// Sends a batch of digests over one SMTP connection (connect, authenticate if configured, send each, disconnect), or
/// writes them as <c>.eml</c> files to the outbox when no SMTP host is configured. Failures are told apart by type.
/// </summary>
public sealed class DigestSender(IOptions<SmtpOptions> smtpOptions, IOptions<DigestOptions> digestOptions, ILogger<DigestSender> logger)
{
    /// <summary>True when messages go to the outbox directory instead of an SMTP server.</summary>
    public bool UsesOutbox => string.IsNullOrWhiteSpace(smtpOptions.Value.Host);

    /// <summary>
    /// Sends <paramref name="messages"/>; one result per message, in order. <paramref name="each"/>, when given, is told
    /// each message's result (its index and result) as soon as it is known, before the next message is sent: a caller
    /// that records it there leaves at most one message accepted but unrecorded if the process dies.
    /// </summary>
    public async Task<IReadOnlyList<SendResult>> SendAsync(IReadOnlyList<MimeMessage> messages, CancellationToken cancellationToken, Func<int, SendResult, Task>? each = null)
    {
        if (messages.Count == 0)
        {
            return [];
        }

        var results = UsesOutbox ? await WriteOutboxAsync(messages, each, cancellationToken) : await SendSmtpAsync(messages, each, cancellationToken);
        return results;
    }

    private static async Task<SendResult> ReportAsync(Func<int, SendResult, Task>? each, int index, SendResult result)
    {
        if (each is not null)
        {
            await each(index, result);
        }

        return result;
    }

    private async Task<IReadOnlyList<SendResult>> WriteOutboxAsync(IReadOnlyList<MimeMessage> messages, Func<int, SendResult, Task>? each, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(digestOptions.Value.OutboxDirectory);
        Directory.CreateDirectory(directory);
        var results = new List<SendResult>();
        foreach (var message in messages)
        {
            var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("n")).Replace('@', '.').Split(Path.GetInvalidFileNameChars()));
            var path = Path.Combine(directory, $"{name}.eml");
            var temporary = path + ".tmp";
            await message.WriteToAsync(temporary, cancellationToken);

            // Rename last, so a crash never leaves a half-written digest that looks complete.
            File.Move(temporary, path, overwrite: true);
            logger.LogInformation("Wrote digest for {Recipient} to {Path}", message.To.ToString(), path);
            results.Add(await ReportAsync(each, results.Count, new SendResult(true)));
        }

        return results;
    }

    private async Task<IReadOnlyList<SendResult>> SendSmtpAsync(IReadOnlyList<MimeMessage> messages, Func<int, SendResult, Task>? each, CancellationToken cancellationToken)
    {
        var options = smtpOptions.Value;
        using var client = new SmtpClient { Timeout = options.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(options.Host!, options.Port, options.Security, cancellationToken);
            if (!string.IsNullOrEmpty(options.UserName))
            {
                await client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
            }
        }
        catch (Exception ex) when (ex is SocketException or IOException or SmtpProtocolException or SmtpCommandException or AuthenticationException or SslHandshakeException)
        {
            logger.LogError(ex, "SMTP connection to {Host}:{Port} failed", options.Host, options.Port);
            var failed = new List<SendResult>();
            foreach (var _ in messages)
            {
                failed.Add(await ReportAsync(each, failed.Count, new SendResult(false, $"SMTP connection failed: {ex.Message}")));
            }

            return failed;
        }

        var results = new List<SendResult>();
        foreach (var message in messages)
        {
            results.Add(await ReportAsync(each, results.Count, await SendOneAsync(client, message, cancellationToken)));
        }

        if (client.IsConnected)
        {
            try
            {
                await client.DisconnectAsync(true, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or SmtpProtocolException)
            {
                logger.LogDebug(ex, "SMTP disconnect failed");
            }
        }

        return results;
    }

    private async Task<SendResult> SendOneAsync(SmtpClient client, MimeMessage message, CancellationToken cancellationToken)
    {
        if (!client.IsConnected)
        {
            return new SendResult(false, "SMTP connection lost earlier in this run");
        }

        try
        {
            await client.SendAsync(message, cancellationToken);
            logger.LogInformation("Sent digest {MessageId} to {Recipient}", message.MessageId, message.To.ToString());
            return new SendResult(true);
        }
        catch (SmtpCommandException ex)
        {
            logger.LogWarning("SMTP refused digest {MessageId}: {StatusCode} {Mailbox} {Error}", message.MessageId, ex.StatusCode, ex.Mailbox?.Address, ex.Message);
            return new SendResult(false, $"{ex.ErrorCode} {(int)ex.StatusCode}: {ex.Message}", ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted);
        }
        catch (Exception ex) when (ex is SmtpProtocolException or IOException or SocketException or ServiceNotConnectedException)
        {
            logger.LogError(ex, "SMTP failed sending digest {MessageId}", message.MessageId);
            return new SendResult(false, $"SMTP failed: {ex.Message}");
        }
    }
}
