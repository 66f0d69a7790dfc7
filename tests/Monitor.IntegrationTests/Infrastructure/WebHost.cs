using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Worker.Cli;

namespace Monitor.IntegrationTests.Infrastructure;

/// <summary>
/// The real worker (<see cref="MonitorHost.CreateWorker"/>: Kestrel, pages, background mailer) on 127.0.0.1:0 with
/// this test's environment, the scheduler off, and the public base URL pointing at itself. Gives an HTTP client with
/// cookies (antiforgery) that does not follow redirects.
/// </summary>
public sealed partial class WebHost : IAsyncDisposable
{
    private WebHost(WebApplication app, Uri baseUri)
    {
        App = app;
        BaseUri = baseUri;
        Cookies = new CookieContainer();
        Client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = baseUri };
    }

    public WebApplication App { get; }

    public Uri BaseUri { get; }

    public CookieContainer Cookies { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>Starts the worker. Kestrel's port is known only after start, so the base URL is given a port first taken from the OS.</summary>
    public static async Task<WebHost> StartAsync(TestEnvironment env, Action<IServiceCollection>? services = null)
    {
        var port = LoopbackPorts.Free();
        var baseUrl = $"http://127.0.0.1:{port}/";
        var settings = new Dictionary<string, string?>(env.Settings)
        {
            ["Monitor:Web:Urls"] = $"http://127.0.0.1:{port}",
            ["Monitor:Scheduling:Enabled"] = "false",
            ["Monitor:Subscriptions:PublicBaseUrl"] = baseUrl,
        };
        if (!File.Exists(Path.Combine(env.ConfigDirectory, "sources.yaml")))
        {
            env.WriteSources("sources: []\n");
        }

        var app = MonitorHost.CreateWorker(env.Paths, settings, services);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WebHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>GETs <paramref name="path"/> and returns the status and body.</summary>
    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.RelativeOrAbsolute));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>GETs the form page at <paramref name="formPath"/>, then posts <paramref name="fields"/> with its antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPath, string postPath, IEnumerable<KeyValuePair<string, string>> fields, bool withAntiforgery = true)
    {
        var (_, page) = await GetAsync(formPath);
        var values = fields.ToList();
        if (withAntiforgery)
        {
            var token = AntiforgeryToken().Match(page);
            Assert.True(token.Success, $"no antiforgery token on {formPath}");
            values.Add(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        }

        return await Client.PostAsync(new Uri(postPath, UriKind.Relative), new FormUrlEncodedContent(values));
    }

    /// <summary>The path and query of an absolute link of this host.</summary>
    public static string PathOf(string link) => new Uri(link).PathAndQuery;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
