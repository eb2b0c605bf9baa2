using System.Text.Json;

namespace Apisix.Controller.Tests;

public sealed class MatchCommandTests
{
    private static readonly string Examples = Path.Combine(CliRunner.RepositoryRoot, "examples");

    [Fact]
    public void Match_Found_PrintsRoutePluginsAndUpstream_AndExitsZero()
    {
        var (exit, stdout, _) = CliRunner.Run("match", "-f", Examples, "--request", "GET https://shop.example.com/shop/cart");
        Assert.Equal(0, exit);
        Assert.Contains("from Ingress demo/storefront", stdout, StringComparison.Ordinal);
        Assert.Contains("- cors (route)", stdout, StringComparison.Ordinal);
        Assert.Contains("-> Service demo/storefront:80", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_None_ExitsThree()
    {
        var (exit, stdout, _) = CliRunner.Run("match", "-f", Examples, "--request", "GET http://nowhere.example.com/");
        Assert.Equal(3, exit);
        Assert.Contains("route:    none", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_JsonOutput_HasRouteOwnerAndAnswer()
    {
        var (exit, stdout, _) = CliRunner.Run("match", "-f", Examples, "--request", "GET http://api.example.com/v1/x", "-H", "X-Canary: 1", "-H", "X-API-Key: nope", "--output", "json");
        Assert.Equal(0, exit);
        using var document = JsonDocument.Parse(stdout);
        Assert.Equal("ec69c114", document.RootElement.GetProperty("route").GetProperty("id").GetString());
        Assert.Equal("httpbin", document.RootElement.GetProperty("owner").GetProperty("name").GetString());
        Assert.Equal(401, document.RootElement.GetProperty("answer").GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("match", "-f", "x")]
    [InlineData("match", "-f", "x", "--request", "ftp://a/b")]
    [InlineData("match", "-f", "x", "--request", "GET http://a/", "-H", "no-colon")]
    [InlineData("match", "-f", "x", "--request", "GET http://a/", "--gateway", "no-slash")]
    public void Match_BadUsage_ExitsTwo(params string[] args) => Assert.Equal(2, CliRunner.Run(args).Exit);
}
