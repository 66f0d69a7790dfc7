using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Monitor.Worker.Classification;

namespace Monitor.Tests.Classification;

/// <summary>LLM refinement against a fake OpenAI-compatible server on loopback: only near the threshold, cached,
/// budgeted, timed out, and always falling back to the local verdict.</summary>
public sealed class LlmRefinerTests : IDisposable
{
    private static readonly ClassificationResult NearThreshold = new(true, 0.55, ["regulation"], ["JP"], [], ["context \"AI\""]);
    private readonly FakeOpenAiServer _server = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task LeavesResultsAloneWhenDisabled()
    {
        var refiner = Refiner(Options() with { Enabled = false });

        var result = await refiner.RefineAsync(Input("a"), NearThreshold, 0.5, CancellationToken.None);

        Assert.Same(NearThreshold, result);
        Assert.Equal(0, _server.Requests);
    }

    [Fact]
    public async Task AsksOnlyAboutItemsNearTheThreshold()
    {
        var refiner = Refiner(Options());
        var confident = NearThreshold with { Score = 0.95 };

        var result = await refiner.RefineAsync(Input("a"), confident, 0.5, CancellationToken.None);

        Assert.Same(confident, result);
        Assert.Equal(0, _server.Requests);
    }

    [Fact]
    public async Task KeepsTheModelsTitleTranslationOnlyWhenItGaveOne()
    {
        _server.Answer = """{"relevant": true, "topics": [], "title_en": "MIC publishes\nAI basic plan"}""";
        var refiner = Refiner(Options());

        var glossed = await refiner.RefineAsync(Input("総務省、AI基本計画を公表"), NearThreshold, 0.5, CancellationToken.None);
        _server.Answer = """{"relevant": true, "topics": []}""";
        var plain = await refiner.RefineAsync(Input("Cabinet publishes AI plan"), NearThreshold, 0.5, CancellationToken.None);

        Assert.Equal("MIC publishes AI basic plan", glossed.TitleGloss);
        Assert.Null(plain.TitleGloss);
        Assert.Null(NearThreshold.TitleGloss);
    }

    [Fact]
    public async Task MeasuresNearnessFromTheCurrentThreshold()
    {
        // A curator raises the digest threshold from 0.5 to 0.8 while the worker runs: 0.55 is no longer near it.
        _server.Answer = """{"relevant": true, "topics": []}""";
        var refiner = Refiner(Options());

        var atOldThreshold = await refiner.RefineAsync(Input("a"), NearThreshold, 0.5, CancellationToken.None);
        var atNewThreshold = await refiner.RefineAsync(Input("b"), NearThreshold with { Score = 0.75 }, 0.8, CancellationToken.None);
        var farFromNew = await refiner.RefineAsync(Input("c"), NearThreshold, 0.8, CancellationToken.None);

        Assert.Equal(0.55, atOldThreshold.Score);
        Assert.Equal(0.8, atNewThreshold.Score);
        Assert.True(atNewThreshold.Relevant);
        Assert.Same(NearThreshold, farFromNew);
        Assert.Equal(2, _server.Requests);
    }

    [Fact]
    public async Task AppliesTheModelsVerdictAndCachesIt()
    {
        _server.Answer = """{"relevant": false, "topics": []}""";
        var refiner = Refiner(Options());

        var first = await refiner.RefineAsync(Input("typhoon"), NearThreshold, 0.5, CancellationToken.None);
        var second = await refiner.RefineAsync(Input("typhoon"), NearThreshold, 0.5, CancellationToken.None);

        Assert.False(first.Relevant);
        Assert.True(first.Score < 0.5);
        Assert.Empty(first.Topics);
        Assert.Contains("llm: not relevant (test-model)", first.Reasons);
        Assert.Contains("llm: not relevant (cached)", second.Reasons);
        Assert.Equal(1, _server.Requests);
        Assert.Contains("Title: typhoon", _server.LastBody, StringComparison.Ordinal);
        Assert.Contains("\"model\":\"test-model\"", _server.LastBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TakesTopicsFromARelevantVerdict()
    {
        _server.Answer = "Sure! {\"relevant\": true, \"topics\": [\"safety\", \"nonsense\"]}";
        var refiner = Refiner(Options());

        var result = await refiner.RefineAsync(Input("a"), NearThreshold with { Relevant = false, Score = 0.45 }, 0.5, CancellationToken.None);

        Assert.True(result.Relevant);
        Assert.Equal(0.5, result.Score);
        Assert.Equal(["safety"], result.Topics);
    }

    [Fact]
    public async Task StopsAtTheDailyBudgetUntilTheNextDay()
    {
        var refiner = Refiner(Options() with { DailyBudget = 1 });

        await refiner.RefineAsync(Input("a"), NearThreshold, 0.5, CancellationToken.None);
        var overBudget = await refiner.RefineAsync(Input("b"), NearThreshold, 0.5, CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await refiner.RefineAsync(Input("c"), NearThreshold, 0.5, CancellationToken.None);

        Assert.Contains("llm: skipped (daily budget used)", overBudget.Reasons);
        Assert.Equal(NearThreshold.Relevant, overBudget.Relevant);
        Assert.Contains(nextDay.Reasons, r => r.StartsWith("llm: relevant", StringComparison.Ordinal));
        Assert.Equal(2, _server.Requests);
    }

    [Fact]
    public async Task KeepsTheLocalVerdictOnTimeout()
    {
        _server.Delay = TimeSpan.FromSeconds(5);
        var refiner = Refiner(Options() with { Timeout = TimeSpan.FromSeconds(1) });

        var result = await refiner.RefineAsync(Input("a"), NearThreshold, 0.5, CancellationToken.None);

        Assert.Equal(NearThreshold.Score, result.Score);
        Assert.True(result.Relevant);
        Assert.Contains("llm: timed out, local verdict kept", result.Reasons);
    }

    [Theory]
    [InlineData(400, null)]
    [InlineData(200, "I cannot help with that.")]
    public async Task KeepsTheLocalVerdictOnErrorsAndUnusableAnswers(int status, string? answer)
    {
        _server.Status = status;
        _server.Answer = answer ?? "";
        var refiner = Refiner(Options());

        var result = await refiner.RefineAsync(Input("a"), NearThreshold, 0.5, CancellationToken.None);

        Assert.Equal(NearThreshold.Relevant, result.Relevant);
        Assert.Equal(NearThreshold.Topics, result.Topics);
        Assert.Contains(result.Reasons, r => r.StartsWith("llm: ", StringComparison.Ordinal) && r.EndsWith("local verdict kept", StringComparison.Ordinal));
    }

    private LlmRefiner Refiner(LlmOptions o)
    {
        var options = new LlmRefinementOptions
        {
            Enabled = o.Enabled,
            Endpoint = _server.BaseAddress,
            Model = "test-model",
            ApiKey = "test-key",
            DailyBudget = o.DailyBudget,
            Timeout = o.Timeout,
        };
        return new LlmRefiner(LlmRefiner.CreateChatClient(options), options, _clock);
    }

    private static LlmOptions Options() => new(true, 100, TimeSpan.FromSeconds(10));

    private static ClassificationInput Input(string title) => new(title, "Some text about artificial intelligence.");

    private sealed record LlmOptions(bool Enabled, int DailyBudget, TimeSpan Timeout);

    /// <summary>A minimal OpenAI-compatible <c>/v1/chat/completions</c> endpoint on 127.0.0.1.</summary>
    private sealed class FakeOpenAiServer : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly CancellationTokenSource _stop = new();
        private int _requests;

        public FakeOpenAiServer()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            BaseAddress = $"http://127.0.0.1:{port}/v1";
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public string BaseAddress { get; }

        public string Answer { get; set; } = """{"relevant": true, "topics": ["regulation"]}""";

        public int Status { get; set; } = 200;

        public TimeSpan Delay { get; set; }

        public int Requests => Volatile.Read(ref _requests);

        public string LastBody { get; private set; } = "";

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Close();
        }

        private async Task ServeAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                _ = Task.Run(() => HandleAsync(context));
            }
        }

        private async Task HandleAsync(HttpListenerContext context)
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            LastBody = await reader.ReadToEndAsync();
            Interlocked.Increment(ref _requests);
            try
            {
                await Task.Delay(Delay, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var body = context.Request.Url?.AbsolutePath == "/v1/chat/completions" && Status == 200
                ? JsonSerializer.Serialize(new
                {
                    id = "chatcmpl-1",
                    @object = "chat.completion",
                    created = 1_700_000_000,
                    model = "test-model",
                    choices = new[] { new { index = 0, message = new { role = "assistant", content = Answer }, finish_reason = "stop" } },
                    usage = new { prompt_tokens = 10, completion_tokens = 5, total_tokens = 15 },
                })
                : """{"error": {"message": "bad request", "type": "invalid_request_error"}}""";
            context.Response.StatusCode = Status;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(body);
            try
            {
                await context.Response.OutputStream.WriteAsync(bytes, _stop.Token);
                context.Response.Close();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException)
            {
                // The client gave up (timeout test) or the server is stopping.
            }
        }
    }
}
