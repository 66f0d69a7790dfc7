using System.Diagnostics;

namespace Monitor.IntegrationTests;

/// <summary>Shell completion end to end: the script <c>completion bash</c> prints, sourced in a real bash, asks the real
/// program (through System.CommandLine's [suggest] directive) and fills COMPREPLY.</summary>
public sealed class CliCompletionTests
{
    [Theory]
    [InlineData("monitor sour", "sources")]
    [InlineData("monitor sources co", "coverage")]
    [InlineData("monitor crawl --ver", "--verbose")]
    [InlineData("monitor subscribers list --status bo", "bouncing")]
    [InlineData("monitor sources coverage --format m", "markdown")]
    public async Task BashCompletesThroughTheProgram(string line, string expected)
    {
        var script = await RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "Monitor.Worker.dll"), "completion", "bash"]);
        var words = line.Split(' ');
        var bash = $"""
            {script}
            COMP_LINE='{line}'
            COMP_POINT={line.Length}
            COMP_WORDS=({string.Join(' ', words.Select(w => $"'{w}'"))})
            COMP_CWORD={words.Length - 1}
            _monitor_worker_complete
            printf '%s\n' "${"{"}COMPREPLY[@]{"}"}"
            """;

        var completions = (await RunAsync("bash", ["-c", bash])).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal([expected], completions);
    }

    private static async Task<string> RunAsync(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(limit.Token);
        Assert.True(process.ExitCode == 0, await error);
        return await output;
    }
}
