using Monitor.Worker.Classification;

namespace Monitor.Tests.Classification;

/// <summary>Validation lists every problem with the file, the entry and the field, and never throws.</summary>
public sealed class TaxonomyLoaderTests
{
    private const string Valid = """
        context:
          en: [artificial intelligence]
        topics:
          regulation:
            terms:
              en: [AI Act]
        countries:
          JP:
            agencies: [総務省]
        models:
          - {name: Falcon, country: AE, aliases: [Falcon 180B], ambiguous: [Falcon]}
        """;

    [Fact]
    public void LoadsAValidTaxonomy()
    {
        var (parsed, problems) = TaxonomyLoader.Parse(Valid, "taxonomy.yaml");

        Assert.Empty(problems);
        Assert.Equal("regulation", Assert.Single(parsed!.Taxonomy.Topics).Id);
        Assert.Equal("JP", Assert.Single(parsed.Taxonomy.Countries).Code);
    }

    [Theory]
    [InlineData("topics:\n  regulaton:\n    terms:\n      en: [law]", "topics.regulaton", "", "unknown topic")]
    [InlineData("countries:\n  XX:\n    names: [Nowhere]", "countries.XX", "", "unknown country code")]
    [InlineData("countries:\n  jp:\n    names: [Japan]", "countries.jp", "", "unknown country code")]
    [InlineData("models:\n  - {name: Foo, country: ZZ, aliases: [Foo LLM]}", "models[0] (Foo)", "country", "unknown country code")]
    [InlineData("topics:\n  safety:\n    termz:\n      en: [safety]", "topics.safety", "termz", "unknown key")]
    [InlineData("topics:\n  safety:\n    terms:\n      en: [{term: safety, weight: 0}]", "topics.safety", "terms.en[0].weight", "not a number in (0, 10]")]
    [InlineData("topics:\n  safety:\n    terms:\n      en: [{term: safety, weight: lots}]", "topics.safety", "terms.en[0].weight", "not a number")]
    [InlineData("topics:\n  safety:\n    terms:\n      en: ['']", "topics.safety", "terms.en[0]", "empty term")]
    [InlineData("topics:\n  safety:\n    terms:\n      zh: [军]", "topics.safety", "terms.zh[0]", "too short")]
    [InlineData("topics:\n  safety:\n    terms:\n      ru: [языков* модел*]", "topics.safety", "terms.ru[0]", "a * inside it")]
    [InlineData("topics:\n  safety:\n    terms: {}", "topics.safety", "terms", "no terms")]
    [InlineData("settings:\n  digest_threshold: 1.5", "settings", "digest_threshold", "not a number in [0, 1]")]
    [InlineData("colour: blue", "", "colour", "unknown key")]
    [InlineData("topics:\n  ? [a]\n  : x", "topics", "", "keys must be plain names")]
    [InlineData("countries:\n  ? {a: b}\n  : {names: [x y]}", "countries", "", "keys must be plain names")]
    [InlineData("models:\n  - {name: [a], country: JP, aliases: [x y]}", "models[0]", "name", "wrong shape")]
    [InlineData("context_rules:\n  - {if_any: [law school]}", "context_rules[0]", "cancel", "no terms to cancel")]
    [InlineData("countries:\n  AT:\n    names: [Austria]\n    shared: [Bundesrat]", "countries.AT", "shared", "one country only")]
    [InlineData("countries:\n  AT:\n    shared: [Bundesrat]\n  DE:\n    shared: [Bundesrat]", "countries.AT", "names", "no names")]
    [InlineData("countries:\n  UG:\n    agencies: [Ministry of ICT]\n  ZW:\n    agencies: [ministry of ICT]", "countries.UG", "", "listed under UG and ZW")]
    [InlineData("countries:\n  LY:\n    capitals: [Tripoli]\n  LB:\n    names: [Lebanon]\n    agencies: ['=Tripoli']", "countries.LY", "", "belongs in 'shared'")]
    public void NamesFileEntryAndFieldOfEachProblem(string extra, string entry, string field, string message)
    {
        var (_, problems) = TaxonomyLoader.Parse("context:\n  en: [artificial intelligence]\n" + extra, "taxonomy.yaml");

        var problem = Assert.Single(problems, p => p.Entry == entry && p.Field == field);
        Assert.Equal("taxonomy.yaml", problem.File);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ListsEveryProblemNotJustTheFirst()
    {
        var yaml = "context:\n  en: [AI]\ntopics:\n  safety:\n    terms:\n      en: [{term: safety, weight: -1}]\n"
            + "countries:\n  XX: {names: [a b]}\n  YY: {names: [c d]}";
        var (_, problems) = TaxonomyLoader.Parse(yaml, "taxonomy.yaml");

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Entry == "topics.safety" && p.Field == "terms.en[0].weight");
        Assert.Contains(problems, p => p.Entry == "countries.XX");
        Assert.Contains(problems, p => p.Entry == "countries.YY");
    }

    [Fact]
    public void ReportsBrokenYamlWithItsLine()
    {
        var (parsed, problems) = TaxonomyLoader.Parse("topics:\n  safety: [unclosed", "taxonomy.yaml");

        Assert.Null(parsed);
        Assert.Contains("invalid YAML at line", Assert.Single(problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadReturnsNoTaxonomyForAMissingFileOrModel()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            var path = Path.Combine(dir.FullName, "taxonomy.yaml");
            var (missing, missingProblems) = TaxonomyLoader.Load(path);
            Assert.Null(missing);
            Assert.Single(missingProblems);

            File.WriteAllText(path, Valid + "\nsettings:\n  model_file: nowhere.json\n");
            var (taxonomy, problems) = TaxonomyLoader.Load(path);
            Assert.Null(taxonomy);
            var problem = Assert.Single(problems);
            Assert.Equal(("settings", "model_file"), (problem.Entry, problem.Field));
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
