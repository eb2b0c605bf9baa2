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
    public void ConformanceSuite_RequestExpectations_AllCorePass() =>
        ConformanceRunner.Run(
            "request expectations through the route simulator",
            ["request"],
            result => new RouteMatcher(result),
            ConformanceRequestChecker.Check,
            "conformance-request-summary.txt",
            output);
}
