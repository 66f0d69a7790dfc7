using Monitor.Worker.Listings;

namespace Monitor.Tests.Listings;

public sealed class ListingSelectorsTests
{
    [Theory]
    [InlineData("div.item")]
    [InlineData("ul.news > li:nth-child(2n+1) a[href$='.html']")]
    [InlineData(null)]
    [InlineData("")]
    public void AcceptsValidSelectors(string? selector)
    {
        Assert.Null(ListingSelectors.CheckSelector(selector));
    }

    [Theory]
    [InlineData("div[")]
    [InlineData("a[href=")]
    [InlineData("..item")]
    [InlineData("div,")]
    [InlineData("li:not(")]
    public void ReportsInvalidSelectors(string selector)
    {
        var message = ListingSelectors.CheckSelector(selector);

        Assert.NotNull(message);
        Assert.Contains(selector, message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateNamesEveryBadField()
    {
        var selectors = new ListingSelectors { Title = "h2", Date = "span[", Next = "a[rel=" };

        var problems = selectors.Validate();

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("item: required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("date: invalid CSS selector", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("next: invalid CSS selector", StringComparison.Ordinal));
    }
}
