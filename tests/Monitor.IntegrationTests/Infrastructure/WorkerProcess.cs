using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Monitor.IntegrationTests.Infrastructure;

/// <summary>
/// The real worker (Monitor.Worker.dll) as a separate process with a test's configuration in its environment, its
/// output captured and its peak resident memory followed (VmHWM from /proc, polled until it exits).
/// </summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Task _watch;
    private long _peakKilobytes;

    private WorkerProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _watch = Task.Run(WatchMemoryAsync);
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Highest resident set size seen, in MB (Linux; 0 elsewhere).</summary>
    public double PeakMegabytes => Interlocked.Read(ref _peakKilobytes) / 1024.0;

    /// <summary>Starts <c>Monitor.Worker.dll ARGS --config DIR</c> in <paramref name="env"/>'s directory with its settings as environment variables.</summary>
    public static WorkerProcess Start(TestEnvironment env, IEnumerable<KeyValuePair<string, string>>? extraEnvironment, params string[] args) =>
        Start(env, extraEnvironment, asUnprivileged: false, args);

    /// <summary>True when tests run as root, where file permissions do not apply and <see cref="StartUnprivileged"/> switches user.</summary>
    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>
    /// As <see cref="Start(TestEnvironment, IEnumerable{KeyValuePair{string, string}}?, string[])"/>, as a user file
    /// permissions apply to: as root (CI, containers) the process runs as <c>nobody</c> through <c>setpriv</c>, otherwise
    /// as the current user, who is not root either way.
    /// </summary>
    public static WorkerProcess StartUnprivileged(TestEnvironment env, params string[] args) => Start(env, null, asUnprivileged: IsRoot, args);

    private static WorkerProcess Start(TestEnvironment env, IEnumerable<KeyValuePair<string, string>>? extraEnvironment, bool asUnprivileged, string[] args)
    {
        var start = new ProcessStartInfo(asUnprivileged ? "setpriv" : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = env.Root,
        };
        if (asUnprivileged)
        {
            foreach (var arg in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", "dotnet" })
            {
                start.ArgumentList.Add(arg);
            }
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Monitor.Worker.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add("--config");
        start.ArgumentList.Add(env.ConfigDirectory);
        foreach (var (key, value) in env.AsEnvironment().Concat(extraEnvironment ?? []))
        {
            start.Environment[key] = value;
        }

        return new WorkerProcess(Process.Start(start)!);
    }

    /// <summary>Waits for the process to exit; kills it and fails when <paramref name="timeout"/> passes first.</summary>
    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"the worker did not finish within {timeout.TotalSeconds} s; output so far:{Environment.NewLine}{Output}{Error}");
        }

        await _process.WaitForExitAsync();
        await _watch;
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (target)
        {
            target.AppendLine(line);
        }
    }

    private async Task WatchMemoryAsync()
    {
        var status = $"/proc/{_process.Id}/status";
        while (!_process.HasExited)
        {
            try
            {
                foreach (var line in await File.ReadAllLinesAsync(status))
                {
                    if (line.StartsWith("VmHWM:", StringComparison.Ordinal)
                        && long.TryParse(line[6..].Trim().Split(' ')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb))
                    {
                        Interlocked.Exchange(ref _peakKilobytes, Math.Max(Interlocked.Read(ref _peakKilobytes), kb));
                    }
                }
            }
            catch (IOException)
            {
                return;
            }
            catch (UnauthorizedAccessException)
            {
                return;
            }

            await Task.Delay(20);
        }
    }
}
