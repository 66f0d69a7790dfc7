using System.Text.Json;
using Monitor.Worker.Classification;

namespace Monitor.Tests.Classification;

/// <summary>The <c>classify</c> verb: one output line per input line, bad lines reported and kept in place.</summary>
public sealed class ClassifyCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory();

    public void Dispose() => _dir.Delete(true);

    [Fact]
    public async Task WritesOneLinePerInputAndFlagsBadLines()
    {
        var input = Path.Combine(_dir.FullName, "in.jsonl");
        var output = Path.Combine(_dir.FullName, "out.jsonl");
        await File.WriteAllLinesAsync(input,
        [
            """{"id":"a","title":"TII releases Falcon 180B large language model","text":"The open model has 180B parameters.","sourceCountry":"AE"}""",
            "{not json",
            "",
            """{"id":7,"title":"SpaceX launches Falcon 9 rocket","text":"The booster landed at sea."}""",
            """{"id":"c"}""",
        ]);
        var log = new StringWriter();

        var exit = await ClassifyCommand.RunAsync(input, output, ShippedClassifier.TaxonomyPath, log, log, CancellationToken.None);

        Assert.Equal(1, exit);
        var lines = (await File.ReadAllLinesAsync(output)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(4, lines.Count);
        Assert.Equal("a", lines[0].GetProperty("id").GetString());
        Assert.True(lines[0].GetProperty("relevant").GetBoolean());
        Assert.Equal("Falcon", lines[0].GetProperty("models")[0].GetString());
        Assert.Equal("AE", lines[0].GetProperty("countries")[0].GetString());
        Assert.True(lines[0].GetProperty("reasons").GetArrayLength() > 0);
        Assert.Equal("line:2", lines[1].GetProperty("id").GetString());
        Assert.True(lines[1].TryGetProperty("error", out _));
        Assert.Equal("7", lines[2].GetProperty("id").GetString());
        Assert.False(lines[2].GetProperty("relevant").GetBoolean());
        Assert.Equal(0, lines[2].GetProperty("models").GetArrayLength());
        Assert.Equal("c", lines[3].GetProperty("id").GetString());
        Assert.Contains("title", lines[3].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("2 bad lines", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailsCleanlyOnABrokenTaxonomy()
    {
        var taxonomy = Path.Combine(_dir.FullName, "taxonomy.yaml");
        await File.WriteAllTextAsync(taxonomy, "topics:\n  nonsense:\n    terms:\n      en: [x y]\n");
        var input = Path.Combine(_dir.FullName, "in.jsonl");
        await File.WriteAllTextAsync(input, """{"id":"a","title":"AI"}""");

        var error = new StringWriter();

        var exit = await ClassifyCommand.RunAsync(input, Path.Combine(_dir.FullName, "out.jsonl"), taxonomy, new StringWriter(), error, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("taxonomy", error.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
