using Apisix.Translation.Validation;
using KeraLua;

namespace Apisix.Controller.Validation;

/// <summary>
/// Compiles Lua with a real Lua (KeraLua, Lua 5.4) without running it: <c>luaL_loadstring</c> only parses.
/// APISIX runs LuaJIT (Lua 5.1 syntax); the common syntax is the same, and what only one of them accepts
/// (5.4 integer division, 5.1's <c>%</c> on strings) is rare in gateway snippets.
/// </summary>
internal sealed class KeraLuaSyntaxChecker : ILuaSyntaxChecker
{
    private readonly object _gate = new();

    public string? Problem(string code)
    {
        // One state per call keeps checks independent; creation is cheap next to a webhook round trip.
        lock (_gate)
        {
            using var lua = new Lua(openLibs: false);
            var status = lua.LoadString(code);
            return status == LuaStatus.OK ? null : lua.ToString(-1) ?? "the code does not compile";
        }
    }
}
