using System.Reflection;
using Monitor.Worker.Configuration;
using Monitor.Worker.Crawling;
using Monitor.Worker.Digest;
using Monitor.Worker.Observability;
using Monitor.Worker.Operations;
using Monitor.Worker.Scheduling;
using Monitor.Worker.Storage;
using Monitor.Worker.Subscriptions;
using Monitor.Worker.Web;

namespace Monitor.Tests.Config;

/// <summary>The configuration reference (<c>docs/configuration.md</c>, linked from the README) names every setting the
/// options classes bind, so a new option cannot ship undocumented.</summary>
public sealed class ConfigurationReferenceTests
{
    public static readonly TheoryData<Type, string> Options = new()
    {
        { typeof(StorageOptions), StorageOptions.SectionName },
        { typeof(CrawlingOptions), CrawlingOptions.SectionName },
        { typeof(ConfigurationLimits), ConfigurationLimits.SectionName },
        { typeof(SchedulingOptions), SchedulingOptions.SectionName },
        { typeof(DigestOptions), DigestOptions.SectionName },
        { typeof(SmtpOptions), SmtpOptions.SectionName },
        { typeof(SubscriptionOptions), SubscriptionOptions.SectionName },
        { typeof(WebOptions), WebOptions.SectionName },
        { typeof(ObservabilityOptions), ObservabilityOptions.SectionName },
        { typeof(AlertOptions), AlertOptions.SectionName },
        { typeof(RetentionOptions), RetentionOptions.SectionName },
    };

    [Theory]
    [MemberData(nameof(Options))]
    public void EverySettingIsInTheReference(Type options, string section)
    {
        var reference = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "configuration.md"));
        var missing = options.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .Where(p => !reference.Contains($"`{section}:{p.Name}`", StringComparison.Ordinal)
                && !reference.Contains($"`{section}:{p.Name}:", StringComparison.Ordinal)
                && !reference.Contains($", `{p.Name}`", StringComparison.Ordinal))
            .Select(p => $"{section}:{p.Name}")
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void TheReadmeLinksTheReferenceAndTheContracts()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));

        Assert.Contains("(docs/configuration.md)", readme, StringComparison.Ordinal);
        Assert.Contains("(docs/contracts.md)", readme, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "docs", "contracts.md")));
    }
}
