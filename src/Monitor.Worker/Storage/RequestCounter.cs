using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Monitor.Worker.Storage;

/// <summary>
/// Counts limited requests (form posts per client, subscription requests per address) in the database, per clock hour,
/// so every replica on one database enforces one limit together: two replicas behind a load balancer allow what one
/// does. Each request is one upsert that adds one and returns the new count (SQLite and PostgreSQL
/// <c>INSERT … ON CONFLICT DO UPDATE … RETURNING</c>, SQL Server <c>MERGE … WITH (HOLDLOCK) … OUTPUT</c>), so two
/// replicas counting at the same moment never both see the last free request.
/// </summary>
/// <remarks>
/// Windows are clock hours (UTC), as ASP.NET Core's fixed-window limiter's are fixed: a client can send a full hour's
/// allowance in the last minute of one hour and another in the first minute of the next. The stored key is a SHA-256
/// hash of what is counted, not the address; an hour's rows are deleted by the first request counted two hours later.
/// </remarks>
public sealed class RequestCounter(MonitorDbContextFactory contexts, TimeProvider time)
{
    /// <summary>The length of a counting window.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>
    /// Counts one request of <paramref name="kind"/> ("ip", "address") for <paramref name="subject"/> and says whether it
    /// is within <paramref name="limit"/> for the current hour, and when the hour ends.
    /// </summary>
    public async Task<RequestQuota> TakeAsync(string kind, string subject, int limit, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var window = new DateTime(now.Ticks - (now.Ticks % Window.Ticks), DateTimeKind.Utc);
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}:{subject}")));
        await using var db = contexts.CreateDbContext();
        var count = (await db.Database.SqlQueryRaw<int>(IncrementSql(db), key, window).ToListAsync(cancellationToken)).Single();
        if (count == 1)
        {
            // The first request of a key in a window: the windows that ended before the last one go (index on WindowStart).
            // One window is kept, for a replica whose clock is a little behind.
            var ended = window - Window;
            await db.RequestCounts.Where(c => c.WindowStart < ended).ExecuteDeleteAsync(cancellationToken);
        }

        return new RequestQuota(count <= limit, window + Window - now);
    }

    /// <summary>
    /// What a client is counted by: its IP address, an IPv4 address seen as IPv6 as the IPv4 address, and an IPv6 address
    /// by its /64 network (one subscriber line or host usually has a whole /64, so counting single IPv6 addresses would let
    /// one client change address at every request).
    /// </summary>
    public static string Client(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    // Adds one to the key's count in the window (a new row at 1) and returns the count, in one statement.
    private static string IncrementSql(MonitorDbContext db) => db switch
    {
        SqliteMonitorDbContext or PostgreSqlMonitorDbContext => """
            INSERT INTO "RequestCounts" ("Key", "WindowStart", "Count") VALUES ({0}, {1}, 1)
            ON CONFLICT ("Key", "WindowStart") DO UPDATE SET "Count" = "RequestCounts"."Count" + 1
            RETURNING "Count" AS "Value"
            """,
        _ => """
            MERGE [RequestCounts] WITH (HOLDLOCK) AS t
            USING (SELECT CAST({0} AS varchar(64)) AS [Key], {1} AS [WindowStart]) AS s ON t.[Key] = s.[Key] AND t.[WindowStart] = s.[WindowStart]
            WHEN MATCHED THEN UPDATE SET [Count] = t.[Count] + 1
            WHEN NOT MATCHED THEN INSERT ([Key], [WindowStart], [Count]) VALUES (s.[Key], s.[WindowStart], 1)
            OUTPUT inserted.[Count] AS [Value];
            """,
    };
}

/// <summary>Whether a counted request is within its limit, and how long until its window ends.</summary>
public readonly record struct RequestQuota(bool Allowed, TimeSpan RetryAfter);
