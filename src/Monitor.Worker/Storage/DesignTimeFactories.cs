using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Monitor.Worker.Storage;

/// <summary>Lets <c>dotnet ef</c> build the SQL Server context without a running host or a server.</summary>
internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<MonitorDbContext>
{
    public MonitorDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MonitorDbContext>().UseSqlServer("Server=localhost;Database=Monitor;Trusted_Connection=True").Options);
}

/// <summary>Lets <c>dotnet ef</c> build the SQLite context without a running host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMonitorDbContext>
{
    public SqliteMonitorDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMonitorDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context without a running host or a server.</summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlMonitorDbContext>
{
    public PostgreSqlMonitorDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlMonitorDbContext>().UseNpgsql("Host=localhost;Database=monitor").Options);
}
