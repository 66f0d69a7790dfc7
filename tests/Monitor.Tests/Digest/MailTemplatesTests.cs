using Microsoft.Extensions.Configuration;
using Monitor.Tests.Config;
using Monitor.Worker.Configuration;
using Monitor.Worker.Digest;

namespace Monitor.Tests.Digest;

public sealed class MailTemplatesTests : IDisposable
{
    private readonly string _config = Path.Combine(Path.GetTempPath(), "monitor-templates-" + Guid.NewGuid().ToString("n"));

    public MailTemplatesTests() => Directory.CreateDirectory(Path.Combine(_config, MailTemplates.Folder));

    public void Dispose() => Directory.Delete(_config, recursive: true);

    [Fact]
    public void ShippedTemplatesParse()
    {
        var (templates, problems) = MailTemplates.Load(RepositoryPaths.Config.Directory);

        Assert.Empty(problems);
        Assert.NotNull(templates);
    }

    [Fact]
    public void MissingFilesFallBackToTheBuiltInCopies()
    {
        var (templates, problems) = MailTemplates.Load(_config);

        Assert.Empty(problems);
        var (html, text) = templates!.Render("confirm", new Dictionary<string, object?>
        {
            ["site"] = new Dictionary<string, object?> { ["name"] = "Monitor" },
            ["subscription"] = new Dictionary<string, object?> { ["email"] = "a@example.org", ["frequency"] = "daily", ["link_hours"] = 48 },
            ["links"] = new Dictionary<string, object?> { ["confirm"] = "https://m.example/confirm?token=x" },
        });
        Assert.Contains("https://m.example/confirm?token=x", text, StringComparison.Ordinal);
        Assert.Contains("works for 48 hours", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ASyntaxErrorIsAProblemWithFileAndLine()
    {
        File.WriteAllText(Path.Combine(_config, MailTemplates.Folder, "digest.txt.liquid"), "Hello\n{{ digest.title }}\n{% for x in digest.groups %}\nno end\n");
        File.WriteAllText(Path.Combine(_config, MailTemplates.Folder, "manage.html.liquid"), "<p>{{ links.preferences </p>\n");

        var (templates, problems) = MailTemplates.Load(_config);

        Assert.Null(templates);
        Assert.Equal(2, problems.Count);
        var digest = problems.Single(p => p.File == "templates/digest.txt.liquid");
        Assert.Matches(@"^line \d+, column \d+$", digest.Entry);
        Assert.StartsWith("templates/digest.txt.liquid: line ", digest.ToString(), StringComparison.Ordinal);
        var manage = problems.Single(p => p.File == "templates/manage.html.liquid");
        Assert.StartsWith("line 1", manage.Entry, StringComparison.Ordinal);
    }

    [Fact]
    public void SourcesCheckListsTemplateProblems()
    {
        foreach (var file in Directory.GetFiles(RepositoryPaths.Config.Directory).Where(f => !Path.GetFileName(f).StartsWith("appsettings", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(_config, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(_config, MailTemplates.Folder, "digest.html.liquid"), "ok\n{% if digest.empty %}\n");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Monitor"] = "Data Source=x.db" }).Build();

        var check = ConfigurationCheck.Run(configuration, new ConfigPaths(_config));

        var problem = Assert.Single(check.Problems);
        Assert.Equal("templates/digest.html.liquid", problem.File);
        Assert.StartsWith("line ", problem.Entry, StringComparison.Ordinal);
    }
}
