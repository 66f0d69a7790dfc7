namespace Monitor.Worker.Digest;

/// <summary>How often a subscriber gets a digest.</summary>
public enum DigestFrequency
{
    Daily,
    Weekly,
}
