using System.Text.Json.Nodes;

namespace Apisix.Translation.Tests.Unit;

/// <summary>
/// A number reads the same whatever made its node: parsed JSON, a value built in code, or one whose type
/// is read through its text. The schema checks compare these against minimum, maximum and "integer".
/// </summary>
public sealed class JsonValuesTests
{
    public static TheoryData<JsonNode?, double?> Numbers => new()
    {
        { JsonNode.Parse("418"), 418 },
        { JsonNode.Parse("-0.25"), -0.25 },
        { JsonNode.Parse("1e3"), 1000 },
        { JsonNode.Parse("1e400"), double.PositiveInfinity },
        { JsonNode.Parse("9007199254740993"), 9007199254740993d },
        { JsonValue.Create(418L), 418 },
        { JsonValue.Create(long.MaxValue), long.MaxValue },
        { JsonValue.Create(0.1), 0.1 },
        { JsonValue.Create(7), 7 },
        { JsonValue.Create(2.5m), 2.5 },
        { JsonValue.Create((byte)3), 3 },
        { JsonNode.Parse("\"418\""), null },
        { JsonValue.Create("418"), null },
        { JsonNode.Parse("true"), null },
        { JsonNode.Parse("[1]"), null },
        { null, null },
    };

    [Theory]
    [MemberData(nameof(Numbers))]
    public void Double_ReadsTheNumberOfAnyNode(JsonNode? node, double? expected) => Assert.Equal(expected, JsonValues.Double(node));

    [Theory]
    [InlineData("418", 418)]
    [InlineData("418.0", 418)]
    [InlineData("418.5", null)]
    [InlineData("2147483648", null)]
    [InlineData("-2147483648", int.MinValue)]
    [InlineData("\"7\"", null)]
    public void Int_IsAWholeNumberInRange(string json, int? expected) => Assert.Equal(expected, JsonValues.Int(JsonNode.Parse(json)));

    [Fact]
    public void Int_ReadsValuesBuiltInCode()
    {
        Assert.Equal(5, JsonValues.Int(JsonValue.Create(5L)));
        Assert.Equal(5, JsonValues.Int(JsonValue.Create(5.0)));
        Assert.Null(JsonValues.Int(JsonValue.Create(5.5)));
    }
}
