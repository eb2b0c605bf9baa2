using System.CommandLine;
using Apisix.Translation;
using Apisix.Translation.Validation;

namespace Apisix.Controller.Cli;

/// <summary>
/// <c>apisix-ingress validate</c>: translate and validate everything (plugin schemas of the chosen APISIX
/// version, policy), print the findings; exit 0 without errors, 1 with, 2 for usage or unreadable input.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var files = CliOptions.Files();
        var version = new Option<string>("--apisix-version") { Description = "The APISIX version whose plugin schemas apply", DefaultValueFactory = _ => ApisixVersion.Latest.ToString() };
        var schemas = new Option<string?>("--plugin-schemas") { Description = "A folder of <plugin>.json schemas for custom plugins" };
        var allowPlugins = new Option<string[]>("--allow-plugin") { Description = "A plugin your APISIX has that needs no schema check (repeatable)" };
        var allowCode = new Option<bool>("--allow-code-execution") { Description = "Allow serverless functions, filter_func and _meta.pre_function" };
        var output = CliOptions.DiagnosticsFormat("--output");
        var ingressClass = CliOptions.IngressClass();
        var command = new Command("validate", "Validate manifests as APISIX and the API server would: plugin schemas, CRD rules and policy.")
        {
            files, version, schemas, allowPlugins, allowCode, output, ingressClass,
        };
        command.SetAction(parse =>
        {
            if (!ApisixVersion.TryParse(parse.GetValue(version), out var apisixVersion))
            {
                stderr.WriteLine($"error: --apisix-version '{parse.GetValue(version)}' is not major.minor (e.g. 3.18)");
                return ExitCodes.UsageOrUnreadable;
            }

            var extraSchemas = new Dictionary<string, string>(StringComparer.Ordinal);
            if (parse.GetValue(schemas) is { } folder)
            {
                if (!Directory.Exists(folder))
                {
                    stderr.WriteLine($"error: --plugin-schemas: {folder}: no such directory");
                    return ExitCodes.UsageOrUnreadable;
                }

                foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
                {
                    extraSchemas[Path.GetFileNameWithoutExtension(file)] = File.ReadAllText(file);
                }
            }

            var read = ManifestSource.Read(parse.GetValue(files)!, stdin, out var error);
            if (read is null)
            {
                stderr.WriteLine($"error: {error}");
                return ExitCodes.UsageOrUnreadable;
            }

            var options = new ValidationOptions
            {
                Version = apisixVersion,
                AllowCodeExecution = parse.GetValue(allowCode),
                AllowedPlugins = parse.GetValue(allowPlugins) ?? [],
                ExtraSchemas = EquatableMap<string>.From(extraSchemas),
                Lua = new Validation.KeraLuaSyntaxChecker(),
            };
            var findings = read.Diagnostics.Concat(Validator.Validate(TranslationInput.From(read.Objects), options, new TranslationOptions { IngressClass = parse.GetValue(ingressClass)! })).ToList();
            DiagnosticWriter.Write(stdout, findings, parse.GetValue(output)!);
            return findings.Any(d => d.IsError) ? ExitCodes.DiagnosticErrors : ExitCodes.Success;
        });
        return command;
    }
}
