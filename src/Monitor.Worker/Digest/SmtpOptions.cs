using System.ComponentModel.DataAnnotations;

namespace Monitor.Worker.Digest;

/// <summary>Outgoing mail. Section <c>Monitor:Smtp</c>. With no <see cref="Host"/>, digests go to the outbox directory.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Monitor:Smtp";

    /// <summary>SMTP host; empty writes <c>.eml</c> files instead of sending.</summary>
    public string? Host { get; set; }

    /// <summary>SMTP port (587 submission with STARTTLS, 465 implicit TLS, 25 relay).</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary><c>Auto</c>, <c>None</c>, <c>StartTls</c>, <c>StartTlsWhenAvailable</c> or <c>SslOnConnect</c>.</summary>
    public MailKit.Security.SecureSocketOptions Security { get; set; } = MailKit.Security.SecureSocketOptions.Auto;

    /// <summary>User name for authentication (set with <see cref="Password"/>).</summary>
    public string? UserName { get; set; }

    /// <summary>Password; from the environment (<c>Monitor__Smtp__Password</c>), never from a file.</summary>
    public string? Password { get; set; }

    /// <summary>Per-operation timeout in seconds.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>True for <c>localhost</c> and loopback addresses: a relay on this machine.</summary>
    public static bool IsLoopbackHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var address) && System.Net.IPAddress.IsLoopback(address));
    /// <summary>SMTP connections used at once by a digest run; each sends whole batches.</summary>
    [Range(1, 16)]
    public int Connections { get; set; } = 2;

    /// <summary>Most messages sent per second over all connections (the provider's limit); 0 means no limit.</summary>
    [Range(0, 100000)]
    public int MaxMessagesPerSecond { get; set; }
}
