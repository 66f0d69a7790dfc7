using Spectre.Console;
using Spectre.Console.Rendering;

namespace Monitor.Worker.Cli;

/// <summary>
/// Progress of a long verb (crawl, digest, import, benchmarks). On a terminal: a Spectre.Console bar with the count,
/// the rate and the elapsed time, and lines worth keeping (failures) printed above it. When the output is redirected,
/// in CI (<c>CI=true</c>) or on a dumb terminal: one plain line per step. Either way the verb prints its summary after
/// the last progress line.
/// </summary>
internal sealed class CliProgress
{
    private readonly TextWriter _output;
    private readonly int? _total;
    private readonly bool _everyStep;
    private long _lastLine;
    private readonly ProgressTask? _task;
    private readonly Lock _lock = new();
    private int _done;

    private CliProgress(TextWriter output, int? total, ProgressTask? task, bool everyStep)
    {
        _output = output;
        _total = total;
        _task = task;
        _everyStep = everyStep;
    }

    /// <summary>True when a live display fits: the output is this process's terminal and nobody asked for plain lines.</summary>
    public static bool IsLive(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected
        && Environment.GetEnvironmentVariable("CI") is not ("true" or "1" or "True")
        && Environment.GetEnvironmentVariable("TERM") is not "dumb"
        && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Runs <paramref name="work"/> with a display titled <paramref name="title"/> over <paramref name="total"/>
    /// steps (null: unknown), then prints how many steps (<paramref name="unit"/>: "sources", "rounds") took how long. Plain output has a line per step with
    /// <paramref name="everyStep"/> (a crawl's sources), else a line per second plus the lines to keep (thousands of digests).</summary>
    public static async Task<T> RunAsync<T>(TextWriter output, string title, int? total, Func<CliProgress, Task<T>> work, bool everyStep = false, string unit = "steps")
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        T result;
        int done;
        if (IsLive(output))
        {
            (result, done) = await AnsiConsole.Progress()
                .AutoClear(false)
                .HideCompleted(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new CountColumn(), new RateColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask(Markup.Escape(title), maxValue: total ?? 1);
                    task.IsIndeterminate = total is null;
                    var progress = new CliProgress(output, total, task, everyStep);
                    var value = await work(progress);
                    task.Description = Markup.Escape(title);
                    task.StopTask();
                    return (value, progress._done);
                });
        }
        else
        {
            var progress = new CliProgress(output, total, null, everyStep);
            result = await work(progress);
            done = progress._done;
        }

        var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        await output.WriteLineAsync($"{title}: {done:N0} {unit} in {seconds:0.0} s ({(seconds > 0 ? done / seconds : 0):0.0}/s)");
        return result;
    }

    /// <summary><paramref name="count"/> steps done: <paramref name="line"/> describes them; <paramref name="keep"/> keeps
    /// the line on screen above the bar (a failure).</summary>
    public void Step(string line, bool keep = false, int count = 1)
    {
        lock (_lock)
        {
            _done += count;
            if (_task is null)
            {
                var now = System.Diagnostics.Stopwatch.GetTimestamp();
                if (_everyStep || keep || _done == _total || System.Diagnostics.Stopwatch.GetElapsedTime(_lastLine, now) >= TimeSpan.FromSeconds(1))
                {
                    _lastLine = now;
                    _output.WriteLine(_total is { } total ? $"[{_done}/{total}] {line}" : $"[{_done}] {line}");
                }

                return;
            }

            _task.Increment(count);
            _task.Description = Markup.Escape(line.Length > 60 ? line[..57] + "..." : line);
            if (keep)
            {
                AnsiConsole.MarkupLine(Markup.Escape(line));
            }
        }
    }

    /// <summary>"12/40": steps done of the total (or just done when the total is unknown).</summary>
    private sealed class CountColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(task.IsIndeterminate ? $"{task.Value:N0}" : $"{task.Value:N0}/{task.MaxValue:N0}");
    }

    /// <summary>Steps per second so far.</summary>
    private sealed class RateColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(task.ElapsedTime is { TotalSeconds: > 0 } elapsed ? $"{task.Value / elapsed.TotalSeconds:0.0}/s" : "");
    }
}
