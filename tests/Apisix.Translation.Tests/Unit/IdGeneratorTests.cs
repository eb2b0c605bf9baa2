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
    [InlineData("0123456789abcdef", "68c4f033")]
    [InlineData("0123456789abcdefg", "be6cbe90")]
    [InlineData("default_route-with-a-long-name_rule-0", "42b20cdb")]
    [InlineData("ünïcödé-slicing_by_8-test", "b2e3a7dc")]
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

    [Fact]
    public void Crc32_AgreesWithTheBitwiseDefinition_AtEveryLengthAroundTheEightByteSteps()
    {
        var random = new Random(7);
        for (var length = 0; length <= 70; length++)
        {
            var text = new string(Enumerable.Range(0, length).Select(_ => (char)random.Next(0x20, 0x250)).ToArray());
            Assert.Equal(BitwiseCrc32(System.Text.Encoding.UTF8.GetBytes(text)), IdGenerator.Crc32(text));
        }
    }

    // CRC-32/IEEE straight from its definition: reflected, polynomial 0xEDB88320, no table.
    private static uint BitwiseCrc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
