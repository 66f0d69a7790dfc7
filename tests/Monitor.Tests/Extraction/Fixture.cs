namespace Monitor.Tests.Extraction;

/// <summary>Reads files from <c>TestData/extraction</c>.</summary>
internal static class Fixture
{
    private static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "extraction", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static string Text(string name) => File.ReadAllText(PathOf(name));
}
