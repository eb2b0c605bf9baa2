namespace Apisix.Translation.Validation;

/// <summary>How strictly to validate, and against which APISIX.</summary>
public sealed record ValidationOptions
{
    /// <summary>The default options: APISIX 3.18, no code execution, no extra plugins.</summary>
    public static ValidationOptions Default { get; } = new();

    /// <summary>The APISIX version whose plugin schemas apply.</summary>
    public ApisixVersion Version { get; init; } = ApisixVersion.Latest;

    /// <summary>
    /// Allow features that run code in the gateway (serverless functions, <c>filter_func</c>,
    /// <c>_meta.pre_function</c>, <c>script</c>) everywhere. Off by default.
    /// </summary>
    public bool AllowCodeExecution { get; init; }

    /// <summary>Namespaces in which code execution is allowed even when <see cref="AllowCodeExecution"/> is off.</summary>
    public EquatableArray<string> CodeExecutionNamespaces { get; init; }

    /// <summary>Plugins that are not in the embedded schemas but exist in the user's APISIX; accepted without checks.</summary>
    public EquatableArray<string> AllowedPlugins { get; init; }

    /// <summary>Schemas for custom plugins, by plugin name: the JSON text of a schema file (see Schemas/README.md) or of a bare JSON Schema.</summary>
    public EquatableMap<string> ExtraSchemas { get; init; }

    /// <summary>How Lua source is compiled for the checks (default: the library's structural checker).</summary>
    public ILuaSyntaxChecker Lua { get; init; } = StructuralLuaChecker.Instance;

    /// <summary>True when code execution is allowed for objects in <paramref name="namespace"/>.</summary>
    public bool AllowsCodeIn(string? @namespace) => AllowCodeExecution || (@namespace is not null && CodeExecutionNamespaces.Contains(@namespace));
}
