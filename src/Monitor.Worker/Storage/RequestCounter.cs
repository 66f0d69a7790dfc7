using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Monitor.Worker.Storage;

/// <summary>
/// Counts limited requests in the database, per fixed window, so every replica on one database enforces one limit
/// together: the web form limits (per client and per address, by the clock hour) and the optional LLM's daily request
/// budget. Two replicas behind a load balancer allow what one does. Each request is one upsert that adds one and returns
/// the new count (SQLite and PostgreSQL <c>INSERT … ON CONFLICT DO UPDATE … RETURNING</c>, SQL Server
/// <c>MERGE … WITH (HOLDLOCK) … OUTPUT</c>), so two replicas counting at the same moment never both see the last free
/// request.
/// </summary>
/// <remarks>
/// Windows are fixed (UTC hours, UTC days), as ASP.NET Core's fixed-window limiter's are: a client can send a full hour's
/// allowance in the last minute of one hour and another in the first minute of the next. The stored key is a SHA-256
/// hash of what is counted, not the address. Rows are deleted <see cref="KeptFor"/> after their window starts, by the
/// first request counted in a later window.
/// </remarks>
public sealed class RequestCounter(MonitorDbContextFactory contexts, TimeProvider time)
{
    /// <summary>The web limits' window.</summary>
    public static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>How long a window's count is kept after the window starts; also the longest window.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(2);

    /// <summary>
    /// Counts one request of <paramref name="kind"/> ("ip", "address", "llm") for <paramref name="subject"/> and says
    /// whether it is within <paramref name="limit"/> for the current <paramref name="window"/> (an hour unless given; at
    /// most <see cref="KeptFor"/>), and when the window ends.
    /// </summary>
    public async Task<RequestQuota> TakeAsync(string kind, string subject, int limit, CancellationToken cancellationToken, TimeSpan? window = null)
    {
        var length = window ?? Hour;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, KeptFor, nameof(window));
        var now = time.GetUtcNow().UtcDateTime;
        var start = new DateTime(now.Ticks - (now.Ticks % length.Ticks), DateTimeKind.Utc);
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}:{subject}")));
        await using var db = contexts.CreateDbContext();
        var count = (await db.Database.SqlQueryRaw<int>(IncrementSql(db), key, start).ToListAsync(cancellationToken)).Single();
        if (count == 1)
        {
            // The first request of a key in a window: rows kept long enough go (index on WindowStart). Windows of every
            // length share the table, so the cutoff is the longest window's, not this one's.
            var expired = start - KeptFor;
            try
            {
                await db.RequestCounts.Where(c => c.WindowStart < expired).ExecuteDeleteAsync(cancellationToken);
            }
            catch (System.Data.Common.DbException)
            {
                // A clean-up that lost a lock (a deadlock with another replica's count on SQL Server) is left to the next
                // window's first request; the request it ran for is counted already.
            }
        }

        return new RequestQuota(count <= limit, start + length - now);
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
