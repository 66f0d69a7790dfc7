namespace Monitor.Tests.Feeds;

/// <summary>Reads fixture files from the test output's TestData folder.</summary>
internal static class FeedFixtures
{
    public static string PathOf(string area, string name) => Path.Combine(AppContext.BaseDirectory, "TestData", area, name);

    public static byte[] Bytes(string area, string name) => File.ReadAllBytes(PathOf(area, name));

    public static string Text(string area, string name) => File.ReadAllText(PathOf(area, name));
}
