using System.Diagnostics;
using Apisix.Translation;
using Apisix.Translation.Manifests;
using Apisix.Translation.Validation;

namespace Apisix.Bench;

/// <summary>
/// Validating one ApisixRoute with 5 plugins (what the admission webhook does per request) against a
/// baseline of only reading the same manifest into its typed object, alternating, per call.
/// </summary>
internal static class ValidationBench
{
    private const string Route = """
        apiVersion: apisix.apache.org/v2
        kind: ApisixRoute
        metadata: {name: api, namespace: shop}
        spec:
          http:
          - name: v1
            match: {hosts: [api.example.com], paths: ["/v1/*"], methods: [GET, POST]}
            backends: [{serviceName: api, servicePort: 80}]
            plugins:
            - {name: limit-count, enable: true, config: {count: 100, time_window: 60, rejected_code: 429}}
            - {name: proxy-rewrite, enable: true, config: {regex_uri: ["^/v1/(.*)", "/$1"], headers: {set: {X-Api: v1}}}}
            - {name: cors, enable: true, config: {allow_origins: "https://shop.example.com", allow_credential: true, allow_methods: "GET,POST", allow_headers: "Authorization", expose_headers: "X-Request-Id"}}
            - {name: ip-restriction, enable: true, config: {whitelist: [10.0.0.0/8, 192.168.1.1]}}
            - {name: response-rewrite, enable: true, config: {headers: {set: {X-Served-By: apisix}}}}
        """;

    public static void Run(int iterations)
    {
        var baseline = new List<double>(iterations);
        var validate = new List<double>(iterations);
        var findings = Validate();
        Console.WriteLine($"findings on the benchmark route: {findings.Length} ({string.Join("; ", findings.Select(f => f.ToString()))})");
        // Tiered compilation needs some 15,000 calls to settle on its final code; measure the warmed process.
        for (var i = 0; i < 20_000; i++)
        {
            Read();
            Validate();
        }

        for (var i = 0; i < iterations; i++)
        {
            baseline.Add(Time(() => Read()));
            validate.Add(Time(() => Validate()));
        }

        var b50 = Percentile(baseline, 0.5);
        var v50 = Percentile(validate, 0.5);
        var b99 = Percentile(baseline, 0.99);
        var v99 = Percentile(validate, 0.99);
        Console.WriteLine($"read only (baseline): median {b50:F1} µs, p99 {b99:F1} µs");
        Console.WriteLine($"read + validate     : median {v50:F1} µs, p99 {v99:F1} µs");
        Console.WriteLine($"ratio median        : {v50 / b50:F2}");
        Console.WriteLine($"ratio p99           : {v99 / b99:F2}");
    }

    private static ManifestReadResult Read() => ManifestReader.Read(Route, "route.yaml");

    private static System.Collections.Immutable.ImmutableArray<Diagnostic> Validate() =>
        Validator.Validate(TranslationInput.From(Read().Objects), ValidationOptions.Default).RemoveAll(d => d.Code == DiagnosticCodes.BackendNotFound);

    private static double Time(Action action)
    {
        var start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start).TotalMicroseconds;
    }

    private static double Percentile(List<double> samples, double p)
    {
        var sorted = samples.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
    }
}
