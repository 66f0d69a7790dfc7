using System.Text.Encodings.Web;
using System.Text.Json;

namespace Monitor.Worker.Classification;

/// <summary>Writes the <c>classify</c> output line of DESIGN.md.</summary>
internal static class ClassificationJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One output line for a classified item.</summary>
    public static string Line(string id, ClassificationResult r)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, Options))
        {
            w.WriteStartObject();
            w.WriteString("id", id);
            w.WriteBoolean("relevant", r.Relevant);
            w.WriteNumber("score", r.Score);
            Array(w, "topics", r.Topics);
            Array(w, "countries", r.Countries);
            Array(w, "models", r.Models);
            Array(w, "reasons", r.Reasons);
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>The line for an input line that could not be classified: not relevant, with an <c>error</c> field.</summary>
    public static string ErrorLine(string id, string error)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, Options))
        {
            w.WriteStartObject();
            w.WriteString("id", id);
            w.WriteBoolean("relevant", false);
            w.WriteNumber("score", 0);
            Array(w, "topics", []);
            Array(w, "countries", []);
            Array(w, "models", []);
            Array(w, "reasons", []);
            w.WriteString("error", error);
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    private static void Array(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
