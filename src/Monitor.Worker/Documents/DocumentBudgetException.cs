namespace Monitor.Worker.Documents;

/// <summary>A document needed more work than one document may take (time, elements); the message says which and where.</summary>
public sealed class DocumentBudgetException(string message) : Exception(message);
