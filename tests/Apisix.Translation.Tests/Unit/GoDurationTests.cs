namespace Apisix.Translation.Tests.Unit;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("5s", 5_000_000_000L)]
    [InlineData("1m30s", 90_000_000_000L)]
    [InlineData("1.5s", 1_500_000_000L)]
    [InlineData("300ms", 300_000_000L)]
    [InlineData("2h", 7_200_000_000_000L)]
    [InlineData("10us", 10_000L)]
    [InlineData("10µs", 10_000L)]
    [InlineData("7ns", 7L)]
    [InlineData("-1s", -1_000_000_000L)]
    public void TryParse_ReadsGoDurations(string text, long nanoseconds)
    {
        Assert.True(GoDuration.TryParse(text, out var parsed));
        Assert.Equal(nanoseconds, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("s")]
    [InlineData("5 s")]
    [InlineData("5d")]
    [InlineData("abc")]
    [InlineData("99999999999999999999h")]
    public void TryParse_RejectsWhatGoRejects(string text) => Assert.False(GoDuration.TryParse(text, out _));
}
