using System.Text;
using System.Text.Json.Nodes;
using Apisix.Translation.GatewayApi;
using Xunit.Abstractions;

namespace Apisix.Translation.Tests.GatewayApi;

/// <summary>
/// Every routeStatus and gatewayStatus expectation of the Gateway API conformance suite (v1.6.1), checked
/// against the translation result. All core expectations must pass; extended ones are reported.
/// </summary>
public sealed class ConformanceStatusTests(ITestOutputHelper output)
{
    [Fact]
    public void ConformanceSuite_StatusExpectations_AllCorePass()
    {
        var directory = ConformanceSuite.Directory;
        if (directory is null)
        {
            output.WriteLine("SKIPPED: ../shared/gateway-api-conformance is absent, so the conformance status checks did not run.");
            return;
        }

        var tally = new Dictionary<string, (int Passed, int Total)>();
        var failures = new List<string>();
        foreach (var row in ConformanceSuite.Index(directory))
        {
            var test = row["test"]!.GetValue<string>();
            var level = row["supportLevel"]!.GetValue<string>();
            var cache = new Dictionary<string, TranslationResult>();
            foreach (var expectation in ConformanceSuite.Expectations(directory, test).Where(e => e["kind"]!.GetValue<string>() is "routeStatus" or "gatewayStatus"))
            {
                var removed = ConformanceSuite.Removed(expectation);
                var key = string.Join(",", removed);
                if (!cache.TryGetValue(key, out var result))
                {
                    result = ConformanceSuite.Translate(directory, row, removed).Result;
                    cache[key] = result;
                }

                var problem = Check(expectation, result.GatewayApi);
                var counts = tally.GetValueOrDefault(level);
                tally[level] = (counts.Passed + (problem is null ? 1 : 0), counts.Total + 1);
                if (problem is not null)
                {
                    failures.Add($"[{level}] {test}: {expectation["name"]}: {problem}");
                }
            }
        }

        var summary = new StringBuilder("Gateway API conformance (status expectations):\n");
        foreach (var (level, (passed, total)) in tally.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            summary.Append($"  {level}: {passed}/{total} passed\n");
        }

        foreach (var failure in failures)
        {
            summary.Append("  FAIL ").Append(failure).Append('\n');
        }

        output.WriteLine(summary.ToString());
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "conformance-status-summary.txt"), summary.ToString());
        Assert.True(tally.ContainsKey("core"), "no core expectations were found");
        Assert.True(failures.All(f => !f.StartsWith("[core]", StringComparison.Ordinal)), summary.ToString());
    }

    /// <summary>Null when the expectation holds, else what differs.</summary>
    internal static string? Check(JsonObject expectation, GatewayApiResult result)
    {
        var gateway = expectation["gateway"]!.GetValue<string>();
        var expect = expectation["expect"]!.AsObject();
        if (expectation["kind"]!.GetValue<string>() == "routeStatus")
        {
            var route = expectation["route"]!.AsObject();
            var status = result.RouteStatuses.FirstOrDefault(s =>
                s.Route.Kind == route["kind"]!.GetValue<string>() && s.Route.Namespace == route["namespace"]!.GetValue<string>() &&
                s.Route.Name == route["name"]!.GetValue<string>() && $"{s.Gateway.Namespace}/{s.Gateway.Name}" == gateway);
            if (status is null)
            {
                return "no status for this route and Gateway";
            }

            if (expect["attached"] is { } attached && attached.GetValue<bool>() != status.Attached)
            {
                return $"attached is {status.Attached}";
            }

            return CheckConditions(expect["conditions"], status.Conditions);
        }

        var gatewayStatus = result.GatewayStatuses.FirstOrDefault(g => $"{g.Gateway.Namespace}/{g.Gateway.Name}" == gateway);
        if (gatewayStatus is null)
        {
            return "no status for this Gateway";
        }

        if (expect["attachedRoutes"] is { } total && total.GetValue<int>() != gatewayStatus.Listeners.Sum(l => l.AttachedRoutes))
        {
            return $"attachedRoutes is {gatewayStatus.Listeners.Sum(l => l.AttachedRoutes)}";
        }

        foreach (var (name, listenerExpect) in expect["listeners"]?.AsObject() ?? [])
        {
            var listener = gatewayStatus.Listeners.FirstOrDefault(l => l.Name == name);
            if (listener is null)
            {
                return $"no listener {name}";
            }

            if (listenerExpect!["attachedRoutes"] is { } count && count.GetValue<int>() != listener.AttachedRoutes)
            {
                return $"listener {name} attachedRoutes is {listener.AttachedRoutes}";
            }

            if (CheckConditions(listenerExpect["conditions"], listener.Conditions) is { } problem)
            {
                return $"listener {name}: {problem}";
            }
        }

        return null;
    }

    private static string? CheckConditions(JsonNode? expected, EquatableArray<StatusCondition> actual)
    {
        foreach (var condition in expected?.AsArray() ?? [])
        {
            var type = condition!["type"]!.GetValue<string>();
            var found = actual.FirstOrDefault(c => c.Type == type);
            if (found is null)
            {
                return $"no {type} condition";
            }

            if (found.Status != condition["status"]!.GetValue<string>() || (condition["reason"] is { } reason && reason.GetValue<string>() != found.Reason))
            {
                return $"{type} is {found.Status}/{found.Reason} ({found.Message}), expected {ConformanceSuite.Text(condition)}";
            }
        }

        return null;
    }
}
