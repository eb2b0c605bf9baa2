using System.Text;
using Apisix.Translation.Simulation;
using Xunit.Abstractions;

namespace Apisix.Translation.Tests.GatewayApi;

/// <summary>
/// Every <c>request</c> expectation of the Gateway API conformance suite (v1.6.1) through the route
/// simulator. All core expectations must pass; extended ones are reported.
/// </summary>
public sealed class ConformanceRequestTests(ITestOutputHelper output)
{
    [Fact]
    public void ConformanceSuite_RequestExpectations_AllCorePass()
    {
        var directory = ConformanceSuite.Directory;
        if (directory is null)
        {
            output.WriteLine("SKIPPED: ../shared/gateway-api-conformance is absent, so the conformance request checks did not run.");
            return;
        }

        var tally = new Dictionary<string, (int Passed, int Total)>();
        var failures = new List<string>();
        foreach (var row in ConformanceSuite.Index(directory))
        {
            var test = row["test"]!.GetValue<string>();
            var level = row["supportLevel"]!.GetValue<string>();
            var matchers = new Dictionary<string, RouteMatcher>();
            foreach (var expectation in ConformanceSuite.Expectations(directory, test).Where(e => e["kind"]!.GetValue<string>() == "request"))
            {
                var removed = ConformanceSuite.Removed(expectation);
                var key = string.Join(",", removed);
                if (!matchers.TryGetValue(key, out var matcher))
                {
                    matcher = new RouteMatcher(ConformanceSuite.Translate(directory, row, removed).Result);
                    matchers[key] = matcher;
                }

                var problem = ConformanceRequestChecker.Check(expectation, matcher);
                var counts = tally.GetValueOrDefault(level);
                tally[level] = (counts.Passed + (problem is null ? 1 : 0), counts.Total + 1);
                if (problem is not null)
                {
                    failures.Add($"[{level}] {test}: {expectation["name"]}: {problem}");
                }
            }
        }

        var summary = new StringBuilder("Gateway API conformance (request expectations through the route simulator):\n");
        foreach (var (level, (passed, total)) in tally.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            summary.Append($"  {level}: {passed}/{total} passed\n");
        }

        foreach (var failure in failures)
        {
            summary.Append("  FAIL ").Append(failure).Append('\n');
        }

        output.WriteLine(summary.ToString());
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "conformance-request-summary.txt"), summary.ToString());
        Assert.True(tally.ContainsKey("core"), "no core expectations were found");
        Assert.True(failures.All(f => !f.StartsWith("[core]", StringComparison.Ordinal)), summary.ToString());
    }
}
