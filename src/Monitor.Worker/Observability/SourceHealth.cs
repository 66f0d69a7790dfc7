using System.Text.Json.Serialization;
using Monitor.Worker.Sources;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Observability;

/// <summary>One source as <c>/health/sources</c> shows it.</summary>
/// <param name="Id">The source id.</param>
/// <param name="Status">ok, failing, backing-off, stopped (past the failure limit: needs a manual crawl), disabled or never-crawled.</param>
public sealed record SourceHealth(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("lastOutcome")] string? LastOutcome,
    [property: JsonPropertyName("lastAttempt")] DateTime? LastAttempt,
    [property: JsonPropertyName("lastSuccess")] DateTime? LastSuccess,
    [property: JsonPropertyName("consecutiveFailures")] int ConsecutiveFailures,
    [property: JsonPropertyName("lastError")] string? LastError,
    [property: JsonPropertyName("nextAttempt")] DateTime? NextAttempt)
{
    /// <summary>The health of <paramref name="source"/> from its stored <paramref name="state"/> (null: never crawled).</summary>
    public static SourceHealth From(SourceDefinition source, SourceState? state, int maxFailures, DateTime now)
    {
        var status = !source.Enabled ? "disabled"
            : state is null || state.LastAttemptAt is null ? "never-crawled"
            : state.ConsecutiveFailures >= maxFailures ? "stopped"
            : state.NextAttemptAt > now ? (state.ConsecutiveFailures > 0 ? "failing" : "backing-off")
            : state.ConsecutiveFailures > 0 ? "failing"
            : "ok";
        return new SourceHealth(source.Id, status, state?.LastOutcome, state?.LastAttemptAt, state?.LastSuccessAt, state?.ConsecutiveFailures ?? 0,
            state?.LastError, state?.NextAttemptAt);
    }
}
