using System.Text.Json;

namespace Monitor.Worker.Configuration;

/// <summary>
/// Checks an <c>appsettings*.json</c> file before the configuration system reads it: its size, and its syntax with
/// the line and column of the first error counted from 1 (the .NET JSON provider counts lines from 0 and adds a
/// stack trace).
/// </summary>
public static class JsonSettingsFile
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Null when <paramref name="path"/> is missing or readable JSON within <paramref name="limits"/>, else the problem.</summary>
    public static ConfigProblem? Check(string path, ConfigurationLimits limits)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        if (limits.CheckSize(path) is { } tooLarge)
        {
            return tooLarge;
        }

        var file = Path.GetFileName(path);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path), Options);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? null
                : new ConfigProblem(file, "", "", "must be a JSON object ({ ... }) at the top");
        }
        catch (JsonException ex)
        {
            var message = ex.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            message = (cut > 0 ? message[..cut] : message).Trim().TrimEnd('.');
            return new ConfigProblem(file, $"line {(ex.LineNumber ?? 0) + 1}, column {(ex.BytePositionInLine ?? 0) + 1}", "", $"invalid JSON: {message}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new ConfigProblem(file, "", "", $"cannot read the file: {ex.Message}");
        }
    }
}
