using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Apisix.Translation;
using Apisix.Translation.Serialization;
using Apisix.Translation.Simulation;

namespace Apisix.Controller.Cli;

/// <summary>
/// <c>apisix-ingress match</c>: which route a request hits, offline. Exit 0 when a route matched, 3 when
/// none did (or a filter_func makes it undecidable), 2 for usage or unreadable input.
/// </summary>
internal static class MatchCommand
{
    public const int NoRoute = 3;

    private static readonly JsonSerializerOptions JsonOptions = new(ApisixJson.IndentedOptions) { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static Command Create(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var files = CliOptions.Files();
        var request = new Option<string>("--request", "-r") { Description = "The request, e.g. \"GET https://api.example.com/v1/users?x=1\"", Required = true };
        var headers = new Option<string[]>("--header", "-H") { Description = "A request header, \"Name: value\" (repeatable)" };
        var cookies = new Option<string[]>("--cookie") { Description = "A cookie, \"name=value\" (repeatable)" };
        var remote = new Option<string>("--remote-addr") { Description = "The client address", DefaultValueFactory = _ => "127.0.0.1" };
        var variables = new Option<string[]>("--var") { Description = "An nginx variable for expressions, \"name=value\" (repeatable)" };
        var gateway = new Option<string?>("--gateway") { Description = "Simulate on this Gateway's listeners (namespace/name)" };
        var port = new Option<int?>("--port") { Description = "The listener port (with --gateway; default by scheme)" };
        var scheme = new Option<string?>("--scheme") { Description = "http or https (overrides the URL's scheme)" };
        scheme.AcceptOnlyFromAmong("http", "https");
        var sni = new Option<string?>("--sni") { Description = "The TLS server name (default: the host)" };
        var output = new Option<string>("--output", "-o") { Description = "text or json", DefaultValueFactory = _ => "text" };
        output.AcceptOnlyFromAmong("text", "json");
        var ingressClass = CliOptions.IngressClass();
        var allowCrossNamespace = CliOptions.AllowCrossNamespaceSecrets();

        var command = new Command("match", "Show which route, plugins and upstream a request would hit, without a gateway.")
        {
            files, request, headers, cookies, remote, variables, gateway, port, scheme, sni, output, ingressClass, allowCrossNamespace,
        };
        command.SetAction(parse =>
        {
            var parsed = SimulatedRequest.Parse(parse.GetValue(request)!, out var requestError);
            if (parsed is null)
            {
                stderr.WriteLine($"error: --request: {requestError}");
                return ExitCodes.UsageOrUnreadable;
            }

            var headerPairs = new List<KeyValuePair<string, string>>();
            foreach (var header in parse.GetValue(headers) ?? [])
            {
                var colon = header.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0)
                {
                    stderr.WriteLine($"error: --header '{header}' is not \"Name: value\"");
                    return ExitCodes.UsageOrUnreadable;
                }

                headerPairs.Add(new(header[..colon].Trim(), header[(colon + 1)..].Trim()));
            }

            if (parse.GetValue(cookies) is { Length: > 0 } cookieValues)
            {
                headerPairs.Add(new("Cookie", string.Join("; ", cookieValues)));
            }

            var variablePairs = (parse.GetValue(variables) ?? []).Select(v => v.Split('=', 2)).Where(p => p.Length == 2).Select(p => new KeyValuePair<string, string>(p[0], p[1]));
            parsed = parsed with
            {
                Scheme = parse.GetValue(scheme) ?? parsed.Scheme,
                Headers = headerPairs.ToArray(),
                RemoteAddress = parse.GetValue(remote)!,
                Sni = parse.GetValue(sni),
                Variables = EquatableMap<string>.From(variablePairs),
            };

            ListenerSelector? selector = null;
            if (parse.GetValue(gateway) is { } gatewayName)
            {
                var parts = gatewayName.Split('/');
                if (parts.Length != 2)
                {
                    stderr.WriteLine($"error: --gateway '{gatewayName}' is not namespace/name");
                    return ExitCodes.UsageOrUnreadable;
                }

                selector = new ListenerSelector(new ObjectRef("Gateway", parts[0], parts[1]), parse.GetValue(port) ?? parsed.EffectivePort);
                parsed = parsed with { Port = selector.Port };
            }

            var read = ManifestSource.Read(parse.GetValue(files)!, stdin, out var error);
            if (read is null)
            {
                stderr.WriteLine($"error: {error}");
                return ExitCodes.UsageOrUnreadable;
            }

            var options = new TranslationOptions { IngressClass = parse.GetValue(ingressClass)!, AllowCrossNamespaceSecrets = parse.GetValue(allowCrossNamespace) };
            var translation = Translator.Translate(TranslationInput.From(read.Objects), options);
            DiagnosticWriter.Write(stderr, read.Diagnostics.Concat(translation.Diagnostics).Where(d => d.IsError).ToList(), "text");
            var result = new RouteMatcher(translation).Match(parsed, selector);
            if (parse.GetValue(output) == "json")
            {
                stdout.WriteLine(JsonSerializer.Serialize(result, JsonOptions));
            }
            else
            {
                MatchTextWriter.Write(stdout, result);
            }

            return result.Matched ? ExitCodes.Success : NoRoute;
        });
        return command;
    }
}
