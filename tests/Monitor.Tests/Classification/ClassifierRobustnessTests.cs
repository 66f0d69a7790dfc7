using Monitor.Worker.Classification;

namespace Monitor.Tests.Classification;

/// <summary>Hostile or odd input never throws, and one classifier serves many threads with identical answers.</summary>
public sealed class ClassifierRobustnessTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("\ud800 broken surrogate AI", "lone \udc00 low surrogate")]
    [InlineData("\u0000\u0001 control", "\t\r\n")]
    [InlineData("*", "=")]
    public void ClassifiesOddTextWithoutThrowing(string title, string text)
    {
        var result = ShippedClassifier.Classify(title, text);

        Assert.InRange(result.Score, 0, 1);
    }

    [Fact]
    public void RejectsEscapedLoneSurrogatesAsAFormatError()
    {
        var ex = Assert.Throws<FormatException>(() => ClassificationRecord.Parse("""{"id":"x","title":"\ud800"}"""));

        Assert.Contains("invalid text", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivesTheSameAnswersOnManyThreads()
    {
        var inputs = Enumerable.Range(0, 200).Select(i => new ClassificationInput(
            i % 2 == 0 ? $"Government {i} publishes national AI strategy" : $"Typhoon {i} makes landfall",
            i % 3 == 0 ? "総務省は人工知能の指針を公表した。" : "The storm brought heavy rain.")).ToArray();
        var sequential = inputs.Select(ShippedClassifier.Instance.Classify).ToArray();

        var parallel = new ClassificationResult[inputs.Length];
        Parallel.For(0, inputs.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = ShippedClassifier.Instance.Classify(inputs[i]));

        for (var i = 0; i < inputs.Length; i++)
        {
            Assert.Equal(sequential[i].Score, parallel[i].Score);
            Assert.Equal(sequential[i].Topics, parallel[i].Topics);
            Assert.Equal(sequential[i].Countries, parallel[i].Countries);
        }
    }
}
