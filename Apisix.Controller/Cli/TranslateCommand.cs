using System.CommandLine;
using Apisix.Translation;
using Apisix.Translation.Serialization;

namespace Apisix.Controller.Cli;

/// <summary><c>apisix-ingress translate</c>: manifests in, a standalone-shaped APISIX document out.</summary>
internal static class TranslateCommand
{
    public static Command Create(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var files = CliOptions.Files();
        var format = new Option<string>("--format") { Description = "Output format: json, or yaml (apisix.yaml with #END)", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "yaml");
        var diagnostics = CliOptions.DiagnosticsFormat("--diagnostics");
        var ingressClass = CliOptions.IngressClass();
        var allowCrossNamespace = CliOptions.AllowCrossNamespaceSecrets();

        var command = new Command("translate", "Translate Kubernetes manifests into APISIX configuration (standalone-shaped) without a cluster.")
        {
            files, format, diagnostics, ingressClass, allowCrossNamespace,
        };
        command.SetAction(parse =>
        {
            var read = ManifestSource.Read(parse.GetValue(files)!, stdin, out var error);
            if (read is null)
            {
                stderr.WriteLine($"error: {error}");
                return ExitCodes.UsageOrUnreadable;
            }

            var options = new TranslationOptions
            {
                IngressClass = parse.GetValue(ingressClass)!,
                AllowCrossNamespaceSecrets = parse.GetValue(allowCrossNamespace),
            };
            var result = Translator.Translate(TranslationInput.From(read.Objects), options);
            stdout.Write(parse.GetValue(format) == "yaml"
                ? ApisixJson.SerializeYaml(result.Configuration)
                : ApisixJson.Serialize(result.Configuration) + Environment.NewLine);

            var all = read.Diagnostics.Concat(result.Diagnostics).ToList();
            DiagnosticWriter.Write(stderr, all, parse.GetValue(diagnostics)!);
            return all.Any(d => d.IsError) ? ExitCodes.DiagnosticErrors : ExitCodes.Success;
        });
        return command;
    }
}
