using System.ClientModel;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Monitor.Worker.Classification;

/// <summary>Asks a chat model about items the local classifier is unsure of (score near the digest threshold), with a
/// response cache, a per-day request budget, a timeout, and a clean fallback: on any failure the local result is
/// returned unchanged except for a reason saying why the model was not used. Thread-safe. With <paramref name="budget"/>
/// (every host on a database) the day's requests are counted in the database, so all replicas together stay within
/// <see cref="LlmRefinementOptions.DailyBudget"/>; without it, in this process.</summary>
public sealed class LlmRefiner(IChatClient? chat, LlmRefinementOptions options, TimeProvider clock, Storage.RequestCounter? budget = null)
{
    private const string Instructions = """
        You label government and news announcements for analysts of national AI policy and national (sovereign) AI models.
        relevant: true only when the item is mainly about artificial intelligence policy, national/sovereign AI capability,
        or a national/sovereign language model; false when AI is only mentioned in passing, or the words mean something else
        (a rocket, a storm, a bird, a law degree, company earnings).
        topics (only when relevant; zero or more): model, strategy, regulation, investment, infrastructure, data-talent,
        safety, defense.
        title_en (only when the title is not in English): a faithful English translation of the title; leave it out for
        English titles and never guess.
        Answer with JSON only: {"relevant": true|false, "topics": ["..."], "title_en": "..."}
        """;

    private readonly ConcurrentDictionary<string, Verdict> _cache = new(StringComparer.Ordinal);
    private readonly Lock _budgetLock = new();
    private DateOnly _budgetDay;
    private int _usedToday;

    /// <summary>An <see cref="IChatClient"/> for an OpenAI-compatible endpoint from <paramref name="options"/>.</summary>
    public static IChatClient CreateChatClient(LlmRefinementOptions options)
    {
        // One retry at most: the timeout bounds the whole call and the local verdict is a fine fallback.
        var client = new OpenAIClient(new ApiKeyCredential(options.ApiKey ?? "none"), new OpenAIClientOptions
        {
            Endpoint = new Uri(options.Endpoint ?? throw new InvalidOperationException("Monitor:Classification:Llm:Endpoint is not set")),
            RetryPolicy = new System.ClientModel.Primitives.ClientRetryPolicy(maxRetries: 1),
        });
        return client.GetChatClient(options.Model).AsIChatClient();
    }

    /// <summary>Returns <paramref name="local"/> refined by the model when refinement is on and the item is near
    /// <paramref name="digestThreshold"/> (the current taxonomy's: a curator's edit applies without a restart);
    /// otherwise <paramref name="local"/> itself.</summary>
    public async Task<ClassificationResult> RefineAsync(ClassificationInput input, ClassificationResult local, double digestThreshold,
        CancellationToken cancellationToken)
    {
        if (!options.Enabled || chat is null || Math.Abs(local.Score - digestThreshold) > options.Band)
        {
            return local;
        }

        var key = CacheKey(input);
        if (_cache.TryGetValue(key, out var cached))
        {
            return Merge(local, cached, "cached", digestThreshold);
        }

        switch (await TakeBudgetAsync(cancellationToken))
        {
            case false:
                return WithReason(local, "llm: skipped (daily budget used)");
            case null:
                return WithReason(local, "llm: skipped (the daily budget could not be read from the database)");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            var text = input.Text.Length > options.MaxTextChars ? input.Text[..options.MaxTextChars] : input.Text;
            var response = await chat.GetResponseAsync(
                [new ChatMessage(ChatRole.System, Instructions), new ChatMessage(ChatRole.User, $"Title: {input.Title}\n\nText: {text}")],
                new ChatOptions { ModelId = options.Model, Temperature = 0 },
                timeout.Token);
            var verdict = Parse(response.Text);
            if (verdict is null)
            {
                return WithReason(local, "llm: unusable answer, local verdict kept");
            }

            if (_cache.Count < options.CacheSize)
            {
                _cache.TryAdd(key, verdict);
            }

            return Merge(local, verdict, options.Model, digestThreshold);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return WithReason(local, "llm: timed out, local verdict kept");
        }
        catch (Exception ex) when (ex is HttpRequestException or ClientResultException or JsonException or InvalidOperationException)
        {
            return WithReason(local, $"llm: failed ({ex.GetType().Name}), local verdict kept");
        }
    }

    /// <summary>Reads <c>{"relevant": bool, "topics": [...]}</c> from the answer, tolerating text around the JSON.</summary>
    internal static Verdict? Parse(string? answer)
    {
        var start = answer?.IndexOf('{', StringComparison.Ordinal) ?? -1;
        var end = answer?.LastIndexOf('}') ?? -1;
        if (answer is null || start < 0 || end <= start)
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(answer[start..(end + 1)]);
            var root = doc.RootElement;
            if (!root.TryGetProperty("relevant", out var r) || r.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return null;
            }

            var topics = root.TryGetProperty("topics", out var t) && t.ValueKind == JsonValueKind.Array
                ? t.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).Where(Topics.IsKnown).Distinct().ToList()
                : [];
            var title = root.TryGetProperty("title_en", out var g) && g.ValueKind == JsonValueKind.String ? Gloss(g.GetString()) : null;
            return new Verdict(r.GetBoolean(), topics, title);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ClassificationResult Merge(ClassificationResult local, Verdict verdict, string source, double digestThreshold)
    {
        // The model decides the side of the threshold; the score moves just across it, keeping the local ranking.
        var score = verdict.Relevant ? Math.Max(local.Score, digestThreshold) : Math.Min(local.Score, Math.Max(0, digestThreshold - 0.01));
        var topics = !verdict.Relevant ? [] : verdict.Topics.Count > 0 ? verdict.Topics : local.Topics;
        var reason = string.Create(CultureInfo.InvariantCulture, $"llm: {(verdict.Relevant ? "relevant" : "not relevant")} ({source})");
        return local with { Relevant = verdict.Relevant, Score = Math.Round(score, 4), Topics = topics, Reasons = [.. local.Reasons, reason], TitleGloss = verdict.TitleEnglish };
    }

    private static ClassificationResult WithReason(ClassificationResult local, string reason) => local with { Reasons = [.. local.Reasons, reason] };

    // True when a request may be made today; false when the budget is used; null when the shared count could not be read.
    private async Task<bool?> TakeBudgetAsync(CancellationToken cancellationToken)
    {
        if (budget is null)
        {
            return TryTakeLocalBudget();
        }

        try
        {
            return (await budget.TakeAsync("llm", "requests", options.DailyBudget, cancellationToken, TimeSpan.FromDays(1))).Allowed;
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private bool TryTakeLocalBudget()
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        lock (_budgetLock)
        {
            if (today != _budgetDay)
            {
                _budgetDay = today;
                _usedToday = 0;
            }

            if (_usedToday >= options.DailyBudget)
            {
                return false;
            }

            _usedToday++;
            return true;
        }
    }

    private static string CacheKey(ClassificationInput input) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(input.Title + "\u0001" + input.Text)));

    /// <summary>The model's answer.</summary>
    internal sealed record Verdict(bool Relevant, IReadOnlyList<string> Topics, string? TitleEnglish = null);

    // The model's title translation, if it gave a usable one: one line, bounded.
    private static string? Gloss(string? value)
    {
        var flat = string.Join(' ', new string((value ?? "").Select(c => char.IsControl(c) ? ' ' : c).ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return flat.Length is > 0 and <= 300 ? flat : null;
    }
}
