using System.Globalization;
using System.Text.Json;
using Monitor.Worker.Clustering;
using Xunit.Abstractions;

namespace Monitor.Tests.Clustering;

/// <summary>
/// Scores story matching on real pairs (TestData/stories: the same release from a ministry and outlets rewriting it, in
/// one language and across languages, and look-alikes that must stay apart). Each pair is judged as the store would:
/// the two reports must be within the story window of each other, and the matcher must join them.
/// </summary>
public sealed class StoryPairsTests(ITestOutputHelper output)
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "TestData", "stories");

    [Fact]
    public void PairPrecisionIsAtLeastTheTargetAndNoLookAlikeIsJoined()
    {
        var score = Score();
        output.WriteLine(score.Report);

        Assert.True(score.Pairs >= 100, $"{score.Pairs} pairs");
        Assert.True(score.Precision >= 0.95, score.Report);
        Assert.True(score.StoredPrecision >= 0.95, score.Report);
        Assert.Empty(score.JoinedLookAlikes);
    }

    [Fact]
    public void RecallIsMeasuredOnSameAndCrossLanguagePairs()
    {
        var score = Score();
        output.WriteLine(score.Report);

        // The figures the README records; the target (0.85) is not met (see README).
        // As measured when written: pairwise 0.780, as stored 0.813 (0.727 and 0.793 before name skeletons, name
        // phrases and digits of any script); a change that loses pairs shows here.
        Assert.True(score.Recall >= 0.77, score.Report);
        Assert.True(score.StoredRecall >= 0.80, score.Report);
        Assert.True(score.StoredRecall >= score.Recall, score.Report);
        Assert.True(score.Positives >= 100, $"{score.Positives} pairs of one story");
        Assert.True(score.CrossLanguage >= 30, $"{score.CrossLanguage} cross-language pairs");
    }

    internal sealed record Item(string Id, string Event, string Lang, DateTime Published, string Title, string Text);

    internal sealed record Result(int Pairs, int Positives, int CrossLanguage, int TruePositives, int FalsePositives, List<string> JoinedLookAlikes, string Report)
    {
        public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

        public double Recall => (double)TruePositives / Positives;

        public int StoredTruePositives { get; init; }

        public int StoredFalsePositives { get; init; }

        public double StoredPrecision => StoredTruePositives + StoredFalsePositives == 0 ? 1 : (double)StoredTruePositives / (StoredTruePositives + StoredFalsePositives);

        public double StoredRecall => (double)StoredTruePositives / Positives;
    }

    internal static Result Score()
    {
        var items = File.ReadLines(Path.Combine(Folder, "items.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => new Item(S(e, "id"), S(e, "event"), S(e, "lang"), DateTime.Parse(S(e, "published"), CultureInfo.InvariantCulture), S(e, "title"), S(e, "text")))
            .ToDictionary(i => i.Id);
        var candidates = items.Values.ToDictionary(i => i.Id, i => new StoryCandidate(0, null, i.Title, SimHash.Compute(i.Text)) { Anchors = StoryAnchors.Of(i.Title, i.Text), Published = i.Published });
        int pairs = 0, positives = 0, cross = 0, tp = 0, fp = 0;
        var perKind = new Dictionary<string, (int Joined, int Total)>();
        var joinedLookAlikes = new List<string>();
        var missed = new List<string>();
        foreach (var line in File.ReadLines(Path.Combine(Folder, "pairs.jsonl")))
        {
            var pair = JsonDocument.Parse(line).RootElement;
            var (a, b) = (items[S(pair, "a")], items[S(pair, "b")]);
            var same = pair.GetProperty("same").GetBoolean();
            var kind = S(pair, "kind");
            var inWindow = (a.Published - b.Published).Duration() <= TimeSpan.FromDays(14);
            var joined = inWindow && StoryMatcher.FindMatch(candidates[b.Id], [candidates[a.Id]]) is not null;
            pairs++;
            positives += same ? 1 : 0;
            cross += kind == "cross-language" ? 1 : 0;
            tp += same && joined ? 1 : 0;
            fp += !same && joined ? 1 : 0;
            if (!same && joined)
            {
                joinedLookAlikes.Add($"{a.Id} ~ {b.Id}");
            }

            if (same && !joined)
            {
                var shared = candidates[a.Id].Anchors.Intersect(candidates[b.Id].Anchors).ToList();
                missed.Add($"{a.Id} ~ {b.Id}: shared anchors [{string.Join(' ', shared)}] of {candidates[a.Id].Anchors.Count}/{candidates[b.Id].Anchors.Count}");
            }

            var counts = perKind.GetValueOrDefault(kind);
            perKind[kind] = (counts.Joined + (joined ? 1 : 0), counts.Total + 1);
        }

        // As the store files them, one at a time in publication order: each report looks at the stored reports of the
        // last 14 days, joins the oldest story among those it matches and merges the others into it.
        var storyOf = new Dictionary<string, long>();
        var stored = new List<(Item Item, StoryCandidate Candidate)>();
        long nextStory = 1;
        foreach (var item in items.Values.OrderBy(i => i.Published).ThenBy(i => i.Id, StringComparer.Ordinal))
        {
            var recent = stored.Where(s => (s.Item.Published - item.Published).Duration() <= TimeSpan.FromDays(14))
                .Select(s => s.Candidate with { StoryId = storyOf[s.Item.Id] })
                .ToList();
            var plan = StoryAssignment.Plan([candidates[item.Id]], recent);
            var target = plan.StoryOf(plan.Groups[0]) ?? nextStory++;
            foreach (var merged in plan.StoriesToMerge(plan.Groups[0]).ToList())
            {
                foreach (var id in storyOf.Where(kv => kv.Value == merged).Select(kv => kv.Key).ToList())
                {
                    storyOf[id] = target;
                }
            }

            storyOf[item.Id] = target;
            stored.Add((item, candidates[item.Id] with { AnnouncementId = stored.Count + 1 }));
        }

        var story = storyOf;
        int storedTp = 0, storedFp = 0;
        foreach (var line in File.ReadLines(Path.Combine(Folder, "pairs.jsonl")))
        {
            var pair = JsonDocument.Parse(line).RootElement;
            var together = story[S(pair, "a")] == story[S(pair, "b")];
            storedTp += together && pair.GetProperty("same").GetBoolean() ? 1 : 0;
            storedFp += together && !pair.GetProperty("same").GetBoolean() ? 1 : 0;
        }

        var report = FormattableString.Invariant(
            $"as stored (stories grow by their reports): precision {(storedTp + storedFp == 0 ? 1 : (double)storedTp / (storedTp + storedFp)):0.000}, recall {(double)storedTp / positives:0.000}; pairwise: ") + FormattableString.Invariant(
            $"{pairs} pairs ({positives} of one story, {pairs - positives} look-alikes): precision {(tp + fp == 0 ? 1 : (double)tp / (tp + fp)):0.000}, recall {(double)tp / positives:0.000}; joined per kind: ")
            + string.Join(", ", perKind.Select(k => $"{k.Key} {k.Value.Joined}/{k.Value.Total}"))
            + "\nevents split as stored: " + string.Join("; ", items.Values.GroupBy(i => i.Event)
                .Select(g => (g.Key, Parts: g.GroupBy(i => story[i.Id]).Select(p => string.Join(' ', p.Select(i => i.Id))).ToList()))
                .Where(e => e.Parts.Count > 1)
                .Select(e => $"{e.Key}: [{string.Join("] [", e.Parts)}]"))
            + "\nmissed pairs:\n" + string.Join('\n', missed);
        return new Result(pairs, positives, cross, tp, fp, joinedLookAlikes, report) { StoredTruePositives = storedTp, StoredFalsePositives = storedFp };
    }

    private static string S(JsonElement element, string name) => element.GetProperty(name).GetString()!;
}
