namespace Monitor.Worker.Cli;

/// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread at once (<see cref="Progress{T}"/> posts
/// to the thread pool, so its lines could come after the summary printed when the work ends).</summary>
internal sealed class Reporter<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
