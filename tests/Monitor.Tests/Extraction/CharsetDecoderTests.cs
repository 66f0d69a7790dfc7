using System.Text;
using Monitor.Worker.Extraction;

namespace Monitor.Tests.Extraction;

public sealed class CharsetDecoderTests
{
    [Fact]
    public void DecodesShiftJisDeclaredInMeta()
    {
        var text = CharsetDecoder.Decode(Fixture.Bytes("ja-press-release.sjis.html"), null);

        Assert.Contains("国産大規模言語模型の開発支援について", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DecodesEucKrDeclaredInMeta()
    {
        var text = CharsetDecoder.Decode(Fixture.Bytes("ko-notice.euckr.html"), null);

        Assert.Contains("초거대 인공지능 개발 지원 사업 공고", text, StringComparison.Ordinal);
    }

    [Fact]
    public void PrefersUtf8BytesOverWrongLatin1Header()
    {
        var text = CharsetDecoder.Decode(Fixture.Bytes("news-with-comments.html"), "iso-8859-1");

        Assert.Contains("café-style", text, StringComparison.Ordinal);
        Assert.DoesNotContain("cafÃ©", text, StringComparison.Ordinal);
    }

    [Fact]
    public void HonoursHeaderCharsetOverMeta()
    {
        var bytes = Encoding.GetEncoding("windows-1252").GetBytes("<meta charset=\"utf-8\"><p>Größe</p>");

        var text = CharsetDecoder.Decode(bytes, "windows-1252");

        Assert.Contains("Größe", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ByteOrderMarkWinsOverEverything()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("<meta charset=\"shift_jis\"><p>Ünïcödé</p>")];

        var text = CharsetDecoder.Decode(bytes, "iso-8859-1");

        Assert.Equal("<meta charset=\"shift_jis\"><p>Ünïcödé</p>", text);
    }

    [Fact]
    public void UndeclaredLegacyBytesFallBackToWindows1252()
    {
        var bytes = Encoding.GetEncoding("windows-1252").GetBytes("<p>Prénom déjà vu, Straße</p>");

        var text = CharsetDecoder.Decode(bytes, null);

        Assert.Equal("<p>Prénom déjà vu, Straße</p>", text);
    }

    [Theory]
    [InlineData("<meta charset=\"gb2312\">", "gb2312")]
    [InlineData("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=Shift_JIS\">", "Shift_JIS")]
    [InlineData("<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?><html>", "ISO-8859-2")]
    [InlineData("<html><head><title>none</title>", null)]
    public void SniffsDeclaredCharset(string head, string? expected)
        => Assert.Equal(expected, CharsetDecoder.Sniff(Encoding.ASCII.GetBytes(head)));

    [Theory]
    [InlineData("gb2312", 936)]
    [InlineData("shift_jis", 932)]
    [InlineData("euc-kr", 949)]
    [InlineData("iso-8859-1", 1252)]
    [InlineData("windows-1251", 1251)]
    [InlineData("iso-8859-2", 28592)]
    public void ResolvesLegacyLabels(string label, int codePage)
        => Assert.Equal(codePage, CharsetDecoder.Resolve(label)!.CodePage);

    [Fact]
    public void UnknownLabelResolvesToNull() => Assert.Null(CharsetDecoder.Resolve("x-no-such-charset"));
}
