namespace Apisix.Translation.Tests.Unit;

public sealed class IdGeneratorTests
{
    // Expected values computed independently with zlib.crc32(name.encode()) rendered as %x.
    [Theory]
    [InlineData("test_ar1_r1", "50124da")]
    [InlineData("default_httpbin_80", "5ce57b8e")]
    [InlineData("a", "e8b7be43")]
    [InlineData("demo_httpbin_api", "ec69c114")]
    [InlineData("ing_default_ing1_", "75658a3f")]
    [InlineData("ns_svc_v1_8080_service", "250b730")]
    [InlineData("é_unicode", "fade6317")]
    public void GenId_IsCrc32IeeeInLowerHexWithoutPadding(string name, string expected) =>
        Assert.Equal(expected, IdGenerator.GenId(name));

    [Fact]
    public void GenId_OfEmptyName_IsEmpty() => Assert.Equal(string.Empty, IdGenerator.GenId(string.Empty));

    [Fact]
    public void GenId_OfLongName_UsesEveryByte()
    {
        var name = new string('x', 1000);
        Assert.NotEqual(IdGenerator.GenId(name), IdGenerator.GenId(name[..999]));
    }
}
