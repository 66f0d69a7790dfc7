namespace Monitor.Worker.Documents;

/// <summary>
/// The work one external document may cost in one stage (parsing, extraction, listing detection): a wall-clock
/// limit enforced through cancellation. The passes check the token as they go, so a document that would run long
/// fails with <see cref="DocumentBudgetException"/> and the caller moves on to the next document or source.
/// </summary>
public static class DocumentBudget
{
    /// <summary>The budget of verbs that have no settings (<c>extract</c>): the default of <c>Monitor:Crawling:DocumentBudgetSeconds</c>.</summary>
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Runs <paramref name="work"/> on the calling thread with a token that is cancelled after <paramref name="limit"/>;
    /// a cancellation by the budget (not by <paramref name="cancellationToken"/>) becomes a <see cref="DocumentBudgetException"/>
    /// naming <paramref name="stage"/>.
    /// </summary>
    public static T Run<T>(string stage, TimeSpan limit, Func<CancellationToken, T> work, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(limit);
        try
        {
            return work(budget.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DocumentBudgetException($"{stage}: gave up after {limit.TotalSeconds:0.##} s, the time one document may take");
        }
    }
}
