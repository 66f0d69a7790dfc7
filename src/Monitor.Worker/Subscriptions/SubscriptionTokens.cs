using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Monitor.Worker.Subscriptions;

/// <summary>
/// Signed, encrypted, expiring link tokens (ASP.NET Core Data Protection, time-limited protectors; the keys live in the
/// database so every replica reads every token). A token carries the subscriber id and their token stamp: changing the
/// stamp revokes every link sent before.
/// </summary>
public sealed class SubscriptionTokens(IDataProtectionProvider provider, IOptions<SubscriptionOptions> options, TimeProvider time)
{
    private readonly ITimeLimitedDataProtector _confirm = provider.CreateProtector("Monitor.Subscriptions.Confirm.v1").ToTimeLimitedDataProtector();
    private readonly ITimeLimitedDataProtector _manage = provider.CreateProtector("Monitor.Subscriptions.Manage.v1").ToTimeLimitedDataProtector();

    /// <summary>A token for <paramref name="purpose"/>, valid for that purpose's lifetime from now.</summary>
    public string Create(LinkPurpose purpose, long subscriberId, string stamp)
    {
        var lifetime = purpose == LinkPurpose.Confirm
            ? TimeSpan.FromHours(options.Value.ConfirmationHours)
            : TimeSpan.FromDays(options.Value.ManageLinkDays);
        var payload = string.Create(CultureInfo.InvariantCulture, $"{subscriberId}:{stamp}");
        return Protector(purpose).Protect(payload, time.GetUtcNow() + lifetime);
    }

    /// <summary>The token's content, or null when it is malformed, tampered with, made for another purpose or expired.</summary>
    public LinkToken? Read(LinkPurpose purpose, string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1024)
        {
            return null;
        }

        try
        {
            var payload = Protector(purpose).Unprotect(token.Trim(), out var expiration);
            if (expiration < time.GetUtcNow())
            {
                return null;
            }

            var colon = payload.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 && long.TryParse(payload.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? new LinkToken(id, payload[(colon + 1)..])
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private ITimeLimitedDataProtector Protector(LinkPurpose purpose) => purpose == LinkPurpose.Confirm ? _confirm : _manage;
}
