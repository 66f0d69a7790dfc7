namespace Monitor.Worker.Documents;

/// <summary>
/// Lets one large document at a time be parsed in the process. A parsed page costs far more memory than its bytes
/// (AngleSharp's tree, the decoded text), so four sources crawled in parallel that each meet a 5 MB page would hold four
/// such trees at once; small documents, nearly all of them, never wait. Held only while a document is parsed and read,
/// never across a fetch. When a very large document is done, its memory is collected at once: its tree lived long
/// enough to reach the oldest generation, where it would otherwise wait for the next full collection while the next
/// one is parsed (a blocking collection of a few tens of milliseconds, after a parse of hundreds).
/// </summary>
public sealed class LargeDocumentGate : IDisposable
{
    /// <summary>Documents of this many bytes or more go through the gate one at a time (a long article page is 100-500 KB).</summary>
    public const int LargeBytes = 256 * 1024;

    /// <summary>Documents of this many bytes or more are followed by a full collection.</summary>
    public const int CollectAfterBytes = 1024 * 1024;

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Waits for the gate when <paramref name="bytes"/> is large; dispose the result to let the next one in.</summary>
    public async ValueTask<IDisposable?> EnterAsync(int bytes, CancellationToken cancellationToken)
    {
        if (bytes < LargeBytes)
        {
            return null;
        }

        await _gate.WaitAsync(cancellationToken);
        return new Pass(_gate, bytes >= CollectAfterBytes);
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private sealed class Pass(SemaphoreSlim gate, bool collect) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

            if (collect)
            {
                // REVIEW: an induced collection; measured in the hostile suite's peak memory (README, Hostile input).
                System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            }

            gate.Release();
        }
    }
}
