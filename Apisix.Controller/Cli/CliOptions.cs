using System.CommandLine;

namespace Apisix.Controller.Cli;

/// <summary>Options that several commands share.</summary>
internal static class CliOptions
{
    public static Option<string[]> Files() => new("--file", "-f")
    {
        Description = "A manifest file, a folder of them, or - for standard input (repeatable)",
        Required = true,
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<string> DiagnosticsFormat(string name)
    {
        var option = new Option<string>(name) { Description = "How to print diagnostics: text or json", DefaultValueFactory = _ => "text" };
        option.AcceptOnlyFromAmong("text", "json");
        return option;
    }

    public static Option<string> IngressClass() => new("--ingress-class")
    {
        Description = "The ingress class this controller serves (apisix-and-all takes every CRD object)",
        DefaultValueFactory = _ => "apisix",
    };

    public static Option<bool> AllowCrossNamespaceSecrets() => new("--allow-cross-namespace-secrets")
    {
        Description = "Let objects use Secrets of other namespaces without a ReferenceGrant (not recommended)",
    };
}
