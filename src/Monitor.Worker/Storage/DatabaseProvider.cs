namespace Monitor.Worker.Storage;

/// <summary>The EF Core providers Monitor supports (the one list of allowed <c>Monitor:Storage:Provider</c> values).</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded file; one replica (its writers are serialised by the file lock).</summary>
    Sqlite,

    /// <summary>Microsoft SQL Server; replicas share it, with Quartz clustering.</summary>
    SqlServer,

    /// <summary>PostgreSQL (Npgsql); replicas share it, with Quartz clustering.</summary>
    PostgreSql,
}
