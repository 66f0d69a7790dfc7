using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Monitor.IntegrationTests.Infrastructure;
using Monitor.Worker.Cli;

namespace Monitor.IntegrationTests;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task WorkerServesLiveAndReadyAndStopsGracefully()
    {
        using var env = new TestEnvironment();
        env.WriteSources("sources: []\n");
        File.WriteAllText(Path.Combine(env.ConfigDirectory, "appsettings.json"), $$"""
            {
              "ConnectionStrings": { "Monitor": "Data Source={{env.DatabasePath.Replace("\\", "/", StringComparison.Ordinal)}}" },
              "Monitor": { "Web": { "Urls": "http://127.0.0.1:0" }, "Digest": { "OutboxDirectory": "{{env.OutboxDirectory.Replace("\\", "/", StringComparison.Ordinal)}}" } }
            }
            """);
        await using var app = MonitorHost.CreateWorker(env.Paths);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
        Assert.True(File.Exists(env.DatabasePath), "migrations run at start, before the scheduler");
        await app.StopAsync();
    }
}
