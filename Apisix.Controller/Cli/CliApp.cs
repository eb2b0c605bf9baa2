using System.CommandLine;

namespace Apisix.Controller.Cli;

/// <summary>The <c>apisix-ingress</c> command line.</summary>
internal static class CliApp
{
    /// <summary>Runs one command; returns its exit code. Usage errors exit 2.</summary>
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("APISIX ingress toolkit: translate and validate Kubernetes manifests for Apache APISIX.")
        {
            TranslateCommand.Create(stdin, stdout, stderr),
            MatchCommand.Create(stdin, stdout, stderr),
            ValidateCommand.Create(stdin, stdout, stderr),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"error: {error.Message}");
            }

            stderr.WriteLine("Run 'apisix-ingress --help' for usage.");
            return ExitCodes.UsageOrUnreadable;
        }

        return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }
}
