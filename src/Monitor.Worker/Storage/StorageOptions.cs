using System.ComponentModel.DataAnnotations;

namespace Monitor.Worker.Storage;

/// <summary>The database. Section <c>Monitor:Storage</c>; the connection string is <c>ConnectionStrings:Monitor</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Monitor:Storage";

    /// <summary><c>Sqlite</c> (embedded default, one replica), <c>SqlServer</c> or <c>PostgreSql</c> (several replicas may share
    /// the database: Quartz then runs clustered on it).</summary>
    [Required]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations at start (before the scheduler runs).</summary>
    public bool MigrateOnStart { get; set; } = true;
}
