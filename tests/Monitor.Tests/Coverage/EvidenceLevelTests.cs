using Monitor.Worker.Coverage;

namespace Monitor.Tests.Coverage;

public sealed class EvidenceLevelTests
{
    [Theory]
    [InlineData("V — CSOAI: verified 200", "V")]
    [InlineData("V/W (CSOAI: 200, but Shift_JIS)", "V/W")]
    [InlineData("C/L/W — a hub page", "C/L/W")]
    [InlineData("  P: stored copy", "P")]
    [InlineData("C", "C")]
    [InlineData("Configured somewhere", "")]
    [InlineData("VW — no separator", "")]
    [InlineData("V/X — unknown level", "")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void ReadsTheLevelAtTheStartOfTheNotes(string? notes, string level) => Assert.Equal(level, EvidenceLevel.Of(notes));
}
