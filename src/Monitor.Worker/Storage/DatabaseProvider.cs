namespace Monitor.Worker.Storage;

/// <summary>The EF Core providers Monitor supports.</summary>
public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
