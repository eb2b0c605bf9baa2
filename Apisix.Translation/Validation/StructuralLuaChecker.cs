namespace Apisix.Translation.Validation;

/// <summary>The library's own Lua check: strings, comments, brackets and blocks (see <see cref="LuaChunk"/>).</summary>
public sealed class StructuralLuaChecker : ILuaSyntaxChecker
{
    /// <summary>The one instance.</summary>
    public static StructuralLuaChecker Instance { get; } = new();

    private StructuralLuaChecker()
    {
    }

    /// <inheritdoc />
    public string? Problem(string code) => LuaChunk.Problem(code, mustReturnFunction: false);
}
