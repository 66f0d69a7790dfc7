using Microsoft.Extensions.DependencyInjection;
using Monitor.IntegrationTests.Infrastructure;
using Monitor.Worker.Digest;
using Monitor.Worker.Storage.Entities;
using Monitor.Worker.Subscriptions;

namespace Monitor.IntegrationTests.Subscriptions;

/// <summary>Subscribers in configuration are imported at start, idempotently; the person's own choices win.</summary>
public sealed class ConfiguredSubscriberTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    public ConfiguredSubscriberTests() => _env.WriteSources("sources: []\n");

    public void Dispose() => _env.Dispose();

    [Fact]
    public async Task ImportIsIdempotentFollowsEditsAndRemovals()
    {
        _env.AddSubscriber(0, "ops@example.org", topics: "model", countries: "JP");
        _env.AddSubscriber(1, "gone@example.org");
        using (var host = await _env.StartHostAsync())
        {
            var importer = host.Services.GetRequiredService<ConfiguredSubscriberImporter>();
            Assert.Equal((0, 0, 0), await importer.ImportAsync(CancellationToken.None));
            var ops = await SubscriptionWorld.ReloadAsync(host.Services, "ops@example.org");
            Assert.Equal(SubscriberStatus.Active, ops.Status);
            Assert.Equal("model", ops.Topics);
            Assert.True(ops.ManagedByConfiguration);
        }

        _env.Settings.Remove("Monitor:Digest:Subscribers:1:Email");
        _env.Settings.Remove("Monitor:Digest:Subscribers:1:SendHour");
        _env.Settings["Monitor:Digest:Subscribers:0:Topics:0"] = "regulation";
        using (var host = await _env.StartHostAsync())
        {
            Assert.Equal("regulation", (await SubscriptionWorld.ReloadAsync(host.Services, "ops@example.org")).Topics);
            var gone = await SubscriptionWorld.ReloadAsync(host.Services, "gone@example.org");
            Assert.Equal(SubscriberStatus.Unsubscribed, gone.Status);
        }
    }

    [Fact]
    public async Task ThePersonsOwnChoicesWinOverConfiguration()
    {
        _env.AddSubscriber(0, "ops@example.org", topics: "model");
        using var host = await _env.StartHostAsync();
        var service = host.Services.GetRequiredService<SubscriptionService>();
        var links = host.Services.GetRequiredService<SubscriptionLinks>();
        var subscriber = await SubscriptionWorld.ReloadAsync(host.Services, "ops@example.org");
        var token = Uri.UnescapeDataString(links.Manage(subscriber).Preferences.Split("token=")[1]);

        await service.UpdatePreferencesAsync(token, new SubscriberPreferences(["safety"], [], [], DigestFrequency.Weekly), CancellationToken.None);
        await host.Services.GetRequiredService<ConfiguredSubscriberImporter>().ImportAsync(CancellationToken.None);
        var afterEdit = await SubscriptionWorld.ReloadAsync(host.Services, "ops@example.org");
        Assert.Equal("safety", afterEdit.Topics);
        Assert.False(afterEdit.ManagedByConfiguration);

        await service.UnsubscribeAsync(token, CancellationToken.None);
        await host.Services.GetRequiredService<ConfiguredSubscriberImporter>().ImportAsync(CancellationToken.None);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await SubscriptionWorld.ReloadAsync(host.Services, "ops@example.org")).Status);
    }
}
