using System.Runtime.CompilerServices;
using Apisix.Controller.Cli;

namespace Apisix.Controller.Tests;

/// <summary>Runs the CLI in-process with captured standard streams.</summary>
internal static class CliRunner
{
    public static string RepositoryRoot { get; } = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", ".."));

    public static (int Exit, string Stdout, string Stderr) RunWithInput(string stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CliApp.Run(args, new StringReader(stdin), stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public static (int Exit, string Stdout, string Stderr) Run(params string[] args) => RunWithInput(string.Empty, args);

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
