using System.Text.Json;

namespace Apisix.Translation.Tests.Unit;

public sealed class JsonQuoteTests
{
    // Values the translator writes into vars as text must read back as themselves in any JSON parser.
    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("say \"hi\"")]
    [InlineData("C:\\path\\")]
    [InlineData("line\nbreak\ttab\r\u0001\u001f")]
    [InlineData("\"")]
    [InlineData("ünï\u2028cödé")]
    [InlineData("^/api/(?<v>[0-9]+)\\.json$")]
    public void Quote_RoundTripsThroughAJsonParser(string value)
    {
        var quoted = JsonBlob.Quote(value);
        Assert.Equal(value, JsonSerializer.Deserialize<string>(quoted));
    }

    [Fact]
    public void Quote_RoundTripsEveryControlAndAsciiCharacter()
    {
        var all = new string(Enumerable.Range(0, 128).Select(i => (char)i).ToArray());
        Assert.Equal(all, JsonSerializer.Deserialize<string>(JsonBlob.Quote(all)));
    }
}
