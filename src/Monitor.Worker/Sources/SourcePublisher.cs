namespace Monitor.Worker.Sources;

/// <summary>Who publishes a source: the story lead is an official source when one is in the story.</summary>
public enum SourcePublisher
{
    /// <summary>A government, regulator, parliament, public research institute or multilateral body.</summary>
    Official,

    /// <summary>A news outlet, trade press, blog or aggregator.</summary>
    News,
}
