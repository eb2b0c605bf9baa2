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
    public void ConformanceSuite_StatusExpectations_AllCorePass() =>
        ConformanceRunner.Run(
            "status expectations",
            ["routeStatus", "gatewayStatus"],
            result => result.GatewayApi,
            Check,
            "conformance-status-summary.txt",
            output);

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
