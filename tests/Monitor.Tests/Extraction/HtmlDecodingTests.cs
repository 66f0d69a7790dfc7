using System.Text;
using Monitor.Worker.Extraction;

namespace Monitor.Tests.Extraction;

public sealed class HtmlDecodingTests
{
    private const string Japanese = "人工知能基本計画を閣議決定";
    private const string Korean = "인공지능 기본법 시행";

    static HtmlDecodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static byte[] Html(string charsetMeta, string body, Encoding encoding) =>
        encoding.GetBytes($"<html><head>{charsetMeta}<title>t</title></head><body><p>{body}</p></body></html>");

    [Fact]
    public void Utf8BomWinsOverTheHttpCharsetAndIsRemoved()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("<p>Café " + Japanese + "</p>")).ToArray();

        Assert.Equal("<p>Café " + Japanese + "</p>", CharsetDecoder.Decode(bytes, "iso-8859-1"));
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public void Utf16BomsAreHonoured(string name)
    {
        var encoding = Encoding.GetEncoding(name);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(Japanese)).ToArray();

        Assert.Equal(Japanese, CharsetDecoder.Decode(bytes, null));
    }

    [Theory]
    [InlineData("Shift_JIS")]
    [InlineData("shift_jis")]
    [InlineData("\"Shift_JIS\"")]
    public void UsesTheHttpCharset(string header)
    {
        var bytes = Html("", Japanese, Encoding.GetEncoding("shift_jis"));

        Assert.Contains(Japanese, CharsetDecoder.Decode(bytes, header), StringComparison.Ordinal);
    }

    [Fact]
    public void HttpCharsetWinsOverAMetaCharset()
    {
        var bytes = Html("<meta charset=\"utf-8\">", Japanese, Encoding.GetEncoding("euc-jp"));

        Assert.Contains(Japanese, CharsetDecoder.Decode(bytes, "EUC-JP"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<meta charset=\"Shift_JIS\">", "shift_jis", Japanese)]
    [InlineData("<meta charset=shift_jis>", "shift_jis", Japanese)]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=EUC-KR\">", "euc-kr", Korean)]
    [InlineData("<meta http-equiv='Content-Type' content='text/html; charset=euc-jp'>", "euc-jp", Japanese)]
    [InlineData("<meta charset=\"windows-1252\">", "windows-1252", "Ministère • Numérique")]
    public void UsesTheMetaCharsetWhenHttpSaysNothing(string meta, string encodingName, string text)
    {
        var bytes = Html(meta, text, Encoding.GetEncoding(encodingName));

        Assert.Contains(text, CharsetDecoder.Decode(bytes, null), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("x-no-such-charset")]
    public void FallsBackToUtf8(string? header)
    {
        var bytes = Html("", Japanese + " Café", Encoding.UTF8);

        Assert.Contains(Japanese + " Café", CharsetDecoder.Decode(bytes, header), StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownMetaCharsetFallsBackToUtf8()
    {
        var bytes = Html("<meta charset=\"klingon-8\">", Japanese, Encoding.UTF8);

        Assert.Contains(Japanese, CharsetDecoder.Decode(bytes, null), StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyBodyDecodesToEmptyText()
    {
        Assert.Equal("", CharsetDecoder.Decode([], "utf-8"));
    }
}
