using System.Net;
using Monitor.IntegrationTests.Infrastructure;

namespace Monitor.IntegrationTests.Subscriptions;

/// <summary>What an abuser can and cannot do with the forms.</summary>
public sealed class AbuseTests
{
    [Fact]
    public async Task HundredSubscribePostsFromOneAddressAreRateLimited()
    {
        await using var world = await SubscriptionWorld.CreateAsync();
        await using var host = await WebHost.StartAsync(world.Env);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 100; i++)
        {
            using var response = await host.PostFormAsync("/subscribe", "/subscribe", [new("Email", $"flood{i}@example.org"), new("Input.Frequency", "daily"), new("Input.TimeZone", "UTC")]);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                // Retry-After: the seconds left in the clock hour the limit counts in.
                var retryAfter = int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
                Assert.InRange(retryAfter, 1, 3600);
                Assert.Contains("Too many requests", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Equal(20, statuses.Count(s => s == HttpStatusCode.Redirect));
        Assert.Equal(80, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.True((await world.Smtp.WaitForMessagesAsync(20, TimeSpan.FromSeconds(20))).Count <= 20);
    }

    [Fact]
    public async Task TwoReplicasOnOneDatabaseShareThePerClientLimit()
    {
        await using var world = await SubscriptionWorld.CreateAsync();
        await using var replicaA = await WebHost.StartAsync(world.Env);
        await using var replicaB = await WebHost.StartAsync(world.Env);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            // A load balancer sending one client's posts to either replica in turn.
            var host = i % 2 == 0 ? replicaA : replicaB;
            using var response = await host.PostFormAsync("/subscribe", "/subscribe", [new("Email", $"spread{i}@example.org"), new("Input.Frequency", "daily"), new("Input.TimeZone", "UTC")]);
            statuses.Add(response.StatusCode);
        }

        // 20 an hour in all (RequestsPerIpPerHour), not 20 on each replica.
        Assert.Equal(20, statuses.Count(s => s == HttpStatusCode.Redirect));
        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task KnownAndUnknownAddressesGetTheSameAnswer()
    {
        await using var world = await SubscriptionWorld.CreateAsync();
        await using var host = await WebHost.StartAsync(world.Env);
        await SubscriptionWorld.AddActiveAsync(host.Services, "known@example.org");

        async Task<(HttpStatusCode, string?, string)> Subscribe(string email)
        {
            using var response = await host.PostFormAsync("/subscribe", "/subscribe", [new("Email", email), new("Input.Frequency", "weekly"), new("Input.TimeZone", "UTC")]);
            var location = response.Headers.Location?.OriginalString;
            var (_, next) = await host.GetAsync(location!);
            return (response.StatusCode, location, next);
        }

        Assert.Equal(await Subscribe("known@example.org"), await Subscribe("nobody@example.org"));

        async Task<(HttpStatusCode, string?)> RequestLink(string email)
        {
            using var response = await host.PostFormAsync("/manage", "/manage", [new("Email", email)]);
            return (response.StatusCode, response.Headers.Location?.OriginalString);
        }

        Assert.Equal(await RequestLink("known@example.org"), await RequestLink("nobody-else@example.org"));

        // The known address was not changed by the stranger's request: its owner got a link to the preferences instead.
        var known = await SubscriptionWorld.ReloadAsync(host.Services, "known@example.org");
        Assert.Equal(Monitor.Worker.Digest.DigestFrequency.Daily, known.Frequency);
        var mails = await world.Smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(15));
        Assert.Contains(mails, m => m.To.Mailboxes.Single().Address == "known@example.org" && (m.Subject ?? "").Contains("Your Monitor subscription", StringComparison.Ordinal));
        Assert.Contains(mails, m => m.To.Mailboxes.Single().Address == "nobody@example.org" && (m.Subject ?? "").Contains("Confirm", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FormPostsWithoutTheAntiforgeryTokenAreRefused()
    {
        await using var world = await SubscriptionWorld.CreateAsync();
        await using var host = await WebHost.StartAsync(world.Env);

        using var response = await host.PostFormAsync("/subscribe", "/subscribe", [new("Email", "csrf@example.org"), new("Input.Frequency", "daily")], withAntiforgery: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await SubscriptionWorld.ReloadAsync(host.Services, "csrf@example.org"));
    }

    [Fact]
    public async Task InvalidFormShowsEveryProblemWithoutStoringAnything()
    {
        await using var world = await SubscriptionWorld.CreateAsync();
        await using var host = await WebHost.StartAsync(world.Env);

        using var response = await host.PostFormAsync("/subscribe", "/subscribe",
            [new("Email", "not an address"), new("Input.Topics", "weather"), new("Input.Frequency", "hourly"), new("Input.TimeZone", "Mars/Base")]);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Please correct the following", page, StringComparison.Ordinal);
        Assert.Contains("Enter an email address", page, StringComparison.Ordinal);
        Assert.Contains("unknown topic", page, StringComparison.Ordinal);
        Assert.Contains("Choose daily, weekly or instant", page, StringComparison.Ordinal);
        Assert.Contains("Mars/Base", page, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", page, StringComparison.Ordinal);
    }
}
