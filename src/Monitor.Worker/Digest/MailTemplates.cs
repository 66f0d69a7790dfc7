using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Fluid;
using Monitor.Worker.Configuration;

namespace Monitor.Worker.Digest;

/// <summary>
/// The Liquid templates of every mail Monitor sends (<c>config/templates/NAME.html.liquid</c> and <c>NAME.txt.liquid</c>),
/// parsed once. A template missing from the directory falls back to the copy built into the binary. HTML output encodes
/// every value; text output does not. Rendering has a step and size budget, so an edited template cannot run away.
/// </summary>
public sealed partial class MailTemplates
{
    /// <summary>The mails, each with an HTML and a text template.</summary>
    public static readonly IReadOnlyList<string> Names = ["digest", "confirm", "manage"];

    /// <summary>The folder under the configuration directory.</summary>
    public const string Folder = "templates";

    private static readonly FluidParser Parser = new(new FluidParserOptions { AllowFunctions = false });

    private static readonly TemplateOptions Options = CreateOptions();

    // Encodes what HTML needs (<, >, &, quotes) but leaves every script as it is: a Japanese title stays readable and small.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private readonly Dictionary<string, IFluidTemplate> _templates;

    private MailTemplates(Dictionary<string, IFluidTemplate> templates) => _templates = templates;

    /// <summary>Loads every template from <paramref name="configDirectory"/>/templates (built-in copies where a file is
    /// absent); problems name the file and line.</summary>
    public static (MailTemplates? Templates, IReadOnlyList<ConfigProblem> Problems) Load(string configDirectory)
    {
        var templates = new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal);
        var problems = new List<ConfigProblem>();
        foreach (var name in Names)
        {
            foreach (var kind in new[] { "html", "txt" })
            {
                var file = $"{name}.{kind}.liquid";
                var path = Path.Combine(configDirectory, Folder, file);
                string source;
                try
                {
                    source = File.Exists(path) ? File.ReadAllText(path) : BuiltIn(file);
                }
                catch (IOException ex)
                {
                    problems.Add(new ConfigProblem($"{Folder}/{file}", "", "", $"cannot be read: {ex.Message}"));
                    continue;
                }

                if (source.Length > 256 * 1024)
                {
                    problems.Add(new ConfigProblem($"{Folder}/{file}", "", "", "is larger than 256 KB"));
                    continue;
                }

                if (!Parser.TryParse(source, out var template, out var error))
                {
                    problems.Add(new ConfigProblem($"{Folder}/{file}", Where(error), "", What(error)));
                    continue;
                }

                templates[$"{name}.{kind}"] = template;
            }
        }

        return problems.Count == 0 ? (new MailTemplates(templates), problems) : (null, problems);
    }

    /// <summary>Renders <paramref name="name"/> (<c>digest</c>, <c>confirm</c>, <c>manage</c>) as HTML and as text.</summary>
    public (string Html, string Text) Render(string name, IReadOnlyDictionary<string, object?> model)
    {
        var html = _templates[$"{name}.html"].Render(Context(model), Html);
        var text = _templates[$"{name}.txt"].Render(Context(model), NullEncoder.Default);
        return (html, Lines().Replace(text, "\n\n").Trim() + "\n");
    }

    private static TemplateContext Context(IReadOnlyDictionary<string, object?> model)
    {
        var context = new TemplateContext(Options);
        foreach (var (key, value) in model)
        {
            context.SetValue(key, value ?? "");
        }

        return context;
    }

    private static TemplateOptions CreateOptions()
    {
        return new TemplateOptionsBuilder()
            .WithMaxSteps(2_000_000)
            .WithMaxRecursion(20)
            .WithMaxOutputSize(4 * 1024 * 1024)
            .WithCultureInfo(System.Globalization.CultureInfo.InvariantCulture)
            .Build();
    }

    private static string BuiltIn(string file)
    {
        using var stream = typeof(MailTemplates).Assembly.GetManifestResourceStream($"Monitor.Worker.templates.{file}")
            ?? throw new IOException($"no built-in template {file}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    // Fluid reports positions as "(line:column)".
    private static string Where(string? error) => error is not null && Position().Match(error) is { Success: true } m
        ? $"line {m.Groups["line"].Value}, column {m.Groups["column"].Value}"
        : "";

    // The first line says what is wrong; Fluid appends a copy of the source after it.
    private static string What(string? error) => Position().Replace((error ?? "").Split('\n')[0], "").Trim().TrimEnd('.', ':') is { Length: > 0 } message
        ? message
        : "syntax error";

    [GeneratedRegex(@"(?:at )?\((?<line>\d+):(?<column>\d+)\)")]
    private static partial Regex Position();

    [GeneratedRegex(@"\n[ \t]*\n(?:[ \t]*\n)+")]
    private static partial Regex Lines();
}
