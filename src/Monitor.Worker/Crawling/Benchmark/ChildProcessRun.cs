using System.Diagnostics;
using System.Globalization;

namespace Monitor.Worker.Crawling.Benchmark;

/// <summary>Runs a command as a child process and measures it as <c>/usr/bin/time</c> would: wall time, CPU time
/// (user + system, from this process's reaped-children counters in /proc/self/stat) and peak resident set (VmHWM,
/// sampled every 20 ms from /proc/PID/status). Linux only.</summary>
internal sealed record ChildProcessRun(int ExitCode, TimeSpan Wall, TimeSpan Cpu, long PeakRssBytes, string Output)
{
    public static async Task<ChildProcessRun> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var cpuBefore = ChildrenCpu();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        long peak = 0;
        var statusFile = $"/proc/{process.Id}/status";
        while (!process.HasExited)
        {
            peak = Math.Max(peak, ReadHighWaterMark(statusFile));
            await Task.WhenAny(process.WaitForExitAsync(cancellationToken), Task.Delay(20, cancellationToken));
        }

        await process.WaitForExitAsync(cancellationToken);
        var wall = clock.Elapsed;
        var output = await stdout + await stderr;
        return new ChildProcessRun(process.ExitCode, wall, ChildrenCpu() - cpuBefore, peak, output);
    }

    // VmHWM: the peak resident set of the process so far (0 once it is gone).
    private static long ReadHighWaterMark(string statusFile)
    {
        try
        {
            foreach (var line in File.ReadLines(statusFile))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }

    // cutime + cstime of this process: CPU used by children it has waited for, in clock ticks (USER_HZ, 100 on Linux).
    private static TimeSpan ChildrenCpu()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // After the command name: field 3 is state, so cutime (16) and cstime (17) are at indexes 13 and 14.
        var ticks = long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }
}
