namespace Apisix.Translation.Validation;

/// <summary>
/// Compiles Lua source without running it, for the checks APISIX makes with <c>loadstring</c>
/// (serverless functions, <c>_meta.pre_function</c>). The library's own checker is a light structural one;
/// a host with a Lua runtime (the CLI, the webhook) can supply a real compiler.
/// </summary>
public interface ILuaSyntaxChecker
{
    /// <summary>Null when <paramref name="code"/> compiles, else the compiler's message.</summary>
    string? Problem(string code);
}
