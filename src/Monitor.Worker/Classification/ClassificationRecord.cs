using System.Text.Json;

namespace Monitor.Worker.Classification;

/// <summary>One JSONL line of <c>classify</c> input, or of labelled data (LABELS.md) when the label fields are present.</summary>
/// <param name="Id">The item id (string or number in the file).</param>
/// <param name="Input">What the classifier reads.</param>
/// <param name="Relevant">Gold relevance, when labelled.</param>
/// <param name="Topics">Gold topics, when labelled.</param>
/// <param name="Judged">Which labels the gold data really states (null: all of them).</param>
/// <param name="Group">Optional <c>group</c>: items of one document (sections of one act, a summary and its longer
/// version) that cross-validation must keep in one fold.</param>
internal sealed record ClassificationRecord(
    string Id,
    ClassificationInput Input,
    bool? Relevant,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string>? Judged,
    string? Group = null)
{
    /// <summary>The unit cross-validation folds by: the explicit <see cref="Group"/>, else the web address (sections
    /// of one act share their act's address), else the id.</summary>
    public string FoldKey => !string.IsNullOrWhiteSpace(Group) ? Group.Trim() : !string.IsNullOrWhiteSpace(Input.Url) ? Input.Url.Trim() : Id;

    /// <summary>True when the gold data states <paramref name="label"/> for this item.</summary>
    public bool IsJudged(string label) => Judged is null || Judged.Contains(label);

    /// <summary>Parses one line; throws <see cref="FormatException"/> with a clear message on bad input.</summary>
    public static ClassificationRecord Parse(string line)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"not valid JSON ({ex.Message})", ex);
        }

        using (doc)
        {
            try
            {
                return FromJson(doc.RootElement);
            }
            catch (InvalidOperationException ex)
            {
                // Escaped lone surrogates ("\ud800") parse as JSON but cannot become a .NET string.
                throw new FormatException($"invalid text in a string field ({ex.Message})", ex);
            }
        }
    }

    private static ClassificationRecord FromJson(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("a line must be a JSON object");
        }

        var id = root.TryGetProperty("id", out var idEl) && idEl.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? idEl.ValueKind == JsonValueKind.String ? idEl.GetString()! : idEl.GetRawText()
            : throw new FormatException("missing \"id\" (string or number)");
        var title = Str(root, "title");
        var text = Str(root, "text");
        if (title is null && text is null)
        {
            throw new FormatException($"item {id}: needs \"title\" or \"text\"");
        }

        var input = new ClassificationInput(title ?? "", text ?? "", Str(root, "url"), Str(root, "lang"), Str(root, "sourceCountry"));
        bool? relevant = root.TryGetProperty("relevant", out var r) && r.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? r.GetBoolean()
            : null;
        return new ClassificationRecord(id, input, relevant, List(root, "topics") ?? [], List(root, "judged"), Str(root, "group"));
    }

    /// <summary>The id of a line that failed to parse, when it can still be read.</summary>
    public static string? TryReadId(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("id", out var id)
                ? id.ValueKind == JsonValueKind.String ? id.GetString() : id.GetRawText()
                : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? Str(JsonElement root, string name) =>
        root.TryGetProperty(name, out var el) && el.ValueKind == JsonValueKind.String ? el.GetString() : null;

    private static List<string>? List(JsonElement root, string name) =>
        root.TryGetProperty(name, out var el) && el.ValueKind == JsonValueKind.Array
            ? el.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
            : null;
}
