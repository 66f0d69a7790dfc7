namespace Monitor.IntegrationTests.Infrastructure;

/// <summary>
/// A test's environment with a loopback web server for its feeds and a loopback SMTP server its settings send to;
/// articles are not fetched (the feeds carry the text). Disposes all three.
/// </summary>
public sealed class LoopbackWorld : IAsyncDisposable
{
    private LoopbackWorld(TestEnvironment env, LoopbackHttpServer web, LoopbackSmtpServer smtp) => (Env, Web, Smtp) = (env, web, smtp);

    public TestEnvironment Env { get; }

    public LoopbackHttpServer Web { get; }

    public LoopbackSmtpServer Smtp { get; }

    public static async Task<LoopbackWorld> StartAsync()
    {
        var env = new TestEnvironment();
        var world = new LoopbackWorld(env, await LoopbackHttpServer.StartAsync(), LoopbackSmtpServer.Start());
        env.UseSmtp(world.Smtp);
        env.Settings["Monitor:Crawling:FetchArticles"] = "false";
        return world;
    }

    public async ValueTask DisposeAsync()
    {
        await Web.DisposeAsync();
        await Smtp.DisposeAsync();
        Env.Dispose();
    }
}
