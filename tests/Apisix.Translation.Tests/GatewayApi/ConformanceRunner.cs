using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Apisix.Translation.Tests.GatewayApi;

/// <summary>
/// Runs one kind of conformance expectation over every test folder, tallies passes per support level,
/// writes the summary (to the test output and next to the binaries, where .ci/run prints it) and fails
/// when any core expectation fails.
/// </summary>
internal static class ConformanceRunner
{
    /// <param name="title">The summary's first line.</param>
    /// <param name="kinds">The expectation kinds to check.</param>
    /// <param name="prepare">Builds what the check needs from one translation (cached per test folder and phase).</param>
    /// <param name="check">Null when the expectation holds, else what differs.</param>
    /// <param name="summaryFile">The file name of the summary.</param>
    /// <param name="output">The test output.</param>
    public static void Run<T>(string title, string[] kinds, Func<TranslationResult, T> prepare, Func<JsonObject, T, string?> check, string summaryFile, ITestOutputHelper output)
    {
        var directory = ConformanceSuite.Directory;
        if (directory is null)
        {
            output.WriteLine($"SKIPPED: ../shared/gateway-api-conformance is absent, so the {title} did not run.");
            return;
        }

        var tally = new Dictionary<string, (int Passed, int Total)>();
        var failures = new List<string>();
        foreach (var row in ConformanceSuite.Index(directory))
        {
            var test = row["test"]!.GetValue<string>();
            var level = row["supportLevel"]!.GetValue<string>();
            var prepared = new Dictionary<string, T>();
            foreach (var expectation in ConformanceSuite.Expectations(directory, test).Where(e => kinds.Contains(e["kind"]!.GetValue<string>())))
            {
                var removed = ConformanceSuite.Removed(expectation);
                var key = string.Join(",", removed);
                if (!prepared.TryGetValue(key, out var state))
                {
                    state = prepare(ConformanceSuite.Translate(directory, row, removed).Result);
                    prepared[key] = state;
                }

                var problem = check(expectation, state);
                var counts = tally.GetValueOrDefault(level);
                tally[level] = (counts.Passed + (problem is null ? 1 : 0), counts.Total + 1);
                if (problem is not null)
                {
                    failures.Add($"[{level}] {test}: {expectation["name"]}: {problem}");
                }
            }
        }

        var summary = new StringBuilder($"Gateway API conformance ({title}):\n");
        foreach (var (level, (passed, total)) in tally.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            summary.Append($"  {level}: {passed}/{total} passed\n");
        }

        foreach (var failure in failures)
        {
            summary.Append("  FAIL ").Append(failure).Append('\n');
        }

        output.WriteLine(summary.ToString());
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, summaryFile), summary.ToString());
        Assert.True(tally.ContainsKey("core"), "no core expectations were found");
        Assert.True(failures.All(f => !f.StartsWith("[core]", StringComparison.Ordinal)), summary.ToString());
    }
}
