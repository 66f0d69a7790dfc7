using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Monitor.Worker.Web;

/// <summary>The worker's HTTP endpoints: liveness and readiness.</summary>
public static class WebEndpoints
{
    /// <summary>Registers the health checks.</summary>
    public static IHostApplicationBuilder AddWeb(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>Maps <c>/health/live</c> (the process answers) and <c>/health/ready</c> (the database answers too).</summary>
    public static WebApplication MapMonitorEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapGet("/", () => Results.Text("Monitor worker. Health: /health/live, /health/ready\n"));
        return app;
    }
}
