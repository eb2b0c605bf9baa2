using Apisix.Translation.Crds;
using Apisix.Translation.Translators;

namespace Apisix.Translation.Tests.Unit;

public sealed class ExprMappingTests
{
    [Theory]
    [InlineData("Header", "X-Canary-Id", "Equal", "1", """[["http_x_canary_id","==","1"]]""")]
    [InlineData("Query", "Page", "NotEqual", "2", """[["arg_Page","~=","2"]]""")]
    [InlineData("Cookie", "Sess", "GreaterThan", "3", """[["cookie_Sess",">","3"]]""")]
    [InlineData("Path", "", "GreaterThanEqual", "4", """[["uri",">=","4"]]""")]
    [InlineData("Path", "Ignored-Name", "Equal", "/a", """[["uri","==","/a"]]""")]
    [InlineData("Query", "Page-Size", "Equal", "1", """[["arg_Page-Size","==","1"]]""")]
    [InlineData("Cookie", "Sess-Id", "Equal", "1", """[["cookie_Sess-Id","==","1"]]""")]
    [InlineData("Variable", "Upstream-Addr", "Equal", "1", """[["Upstream-Addr","==","1"]]""")]
    [InlineData("Variable", "remote_port", "LessThan", "5", """[["remote_port","<","5"]]""")]
    [InlineData("Body", "field", "LessThanEqual", "6", """[["post_arg.field","<=","6"]]""")]
    [InlineData("Header", "A", "RegexMatch", "^x", """[["http_a","~~","^x"]]""")]
    [InlineData("Header", "X-Ünï-Id", "Equal", "1", """[["http_x_ünï_id","==","1"]]""")]
    [InlineData("Header", "X\"Odd\\", "Equal", "1", """[["http_x\"odd\\","==","1"]]""")]
    [InlineData("Header", "A", "RegexNotMatch", "^x", """[["http_a","!","~~","^x"]]""")]
    [InlineData("Header", "A", "RegexMatchCaseInsensitive", "^x", """[["http_a","~*","^x"]]""")]
    [InlineData("Header", "A", "RegexNotMatchCaseInsensitive", "^x", """[["http_a","!","~*","^x"]]""")]
    public void ValueOperators_MapToLuaRestyExpr(string scope, string name, string op, string value, string expected)
    {
        var expr = new ApisixRouteExpr { Scope = scope, Name = name, Op = op, Value = value };
        Assert.Equal(expected, Translate(expr, out var objectScope));
        Assert.False(objectScope.HasErrors);
    }

    [Theory]
    [InlineData("In", """[["http_a","in",["x","y"]]]""")]
    [InlineData("NotIn", """[["http_a","!","in",["x","y"]]]""")]
    public void SetOperators_WriteTheSetAsAnArray(string op, string expected)
    {
        var expr = new ApisixRouteExpr { Scope = "Header", Name = "A", Op = op, Set = new[] { "x", "y" } };
        Assert.Equal(expected, Translate(expr, out _));
    }

    [Theory]
    [InlineData("In", """[["http_a","in",[]]]""")]
    [InlineData("NotIn", """[["http_a","!","in",[]]]""")]
    public void EmptySet_IsWrittenAsAnEmptyArray(string op, string expected)
    {
        // 1.x checks only for a missing set; a given empty one is marshalled as [].
        var expr = new ApisixRouteExpr { Scope = "Header", Name = "A", Op = op, Set = Array.Empty<string>() };
        Assert.Equal(expected, Translate(expr, out var objectScope));
        Assert.False(objectScope.HasErrors);
    }

    [Fact]
    public void SetOperator_IgnoresValue_AndValueOperator_IgnoresSet()
    {
        var inWithValue = new ApisixRouteExpr { Scope = "Header", Name = "A", Op = "In", Value = "v", Set = new[] { "x" } };
        Assert.Equal("""[["http_a","in",["x"]]]""", Translate(inWithValue, out _));
        var equalWithSet = new ApisixRouteExpr { Scope = "Header", Name = "A", Op = "Equal", Value = "v", Set = new[] { "x" } };
        Assert.Equal("""[["http_a","==","v"]]""", Translate(equalWithSet, out _));
    }

    [Theory]
    [InlineData("Header", "", "Equal", "v", "subject.name", "empty subject name")]
    [InlineData("Nowhere", "a", "Equal", "v", "subject.scope", "bad subject scope")]
    [InlineData("Header", "a", "Like", "v", ".op", "unknown operator")]
    [InlineData("Header", "a", "In", "v", ".set", "empty set value")]
    [InlineData("Header", "a", "Equal", null, ".value", "neither set nor value")]
    public void InvalidExpressions_AreErrorsWithThePath(string scope, string name, string op, string? value, string pathSuffix, string message)
    {
        var expr = new ApisixRouteExpr { Scope = scope, Name = name, Op = op, Value = value };
        Translate(expr, out var objectScope);
        var error = Assert.Single(objectScope.Diagnostics);
        Assert.True(error.IsError);
        Assert.StartsWith("spec.http[0].match.exprs[0]", error.Path, StringComparison.Ordinal);
        Assert.EndsWith(pathSuffix, error.Path, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NumbersInValues_StayStrings()
    {
        var expr = new ApisixRouteExpr { Scope = "Query", Name = "n", Op = "GreaterThan", Value = "10" };
        Assert.Equal("""[["arg_n",">","10"]]""", Translate(expr, out _));
    }

    private static string? Translate(ApisixRouteExpr expr, out ObjectScope scope)
    {
        scope = new ObjectScope(new ObjectRef("ApisixRoute", "default", "r"), null);
        return ExprTranslator.Translate(new[] { expr }, "spec.http[0].match.exprs", scope)?.ToString();
    }
}
