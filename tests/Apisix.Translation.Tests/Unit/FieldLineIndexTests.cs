using Apisix.Translation.Manifests;

namespace Apisix.Translation.Tests.Unit;

/// <summary>
/// Field lines are answered by scanning what the reader recorded for the first few questions, then from a
/// map. Both must give the same answers, including for paths that were never recorded.
/// </summary>
public sealed class FieldLineIndexTests
{
    private const string Route = """
        apiVersion: apisix.apache.org/v2
        kind: ApisixRoute
        metadata: {name: r, namespace: ns}
        spec:
          http:
          - name: first
            match:
              paths: [/a]
              hosts: [a.example.com]
            backends:
            - serviceName: a
              servicePort: 80
          - name: second
            match:
              paths: [/b]
            backends:
            - serviceName: b
              servicePort: 80
        """;

    private static readonly (string Path, int? Line)[] Expected =
    [
        ("spec.http[0].name", 6),
        ("spec.http[0].match.paths", 8),
        ("spec.http[0].match.hosts", 9),
        ("spec.http[0].backends[0].serviceName", 11),
        ("spec.http[0].backends[0].servicePort", 12),
        ("spec.http[1].name", 13),
        ("spec.http[1].match.paths[0]", 15), // items of a scalar list are not recorded: the list's line
        ("spec.http[1].backends[0].servicePort", 18),
        ("spec.http[1].backends[0].weight", 17), // absent: the nearest recorded parent, the backend item
        ("spec.http[1].plugins[3].config", 13), // absent all the way up to the rule
        ("spec.nothing", 5),
        ("elsewhere", null),
    ];

    [Fact]
    public void ScannedAndMappedAnswers_AreTheSame()
    {
        var route = Assert.Single(ManifestReader.Read(Route, "route.yaml").Objects);
        var index = route.Lines!;

        // More questions than are scanned, so the later ones come from the map; then all again from it.
        var first = Expected.Select(e => index.LineOf(e.Path)).ToList();
        var again = Expected.Select(e => index.LineOf(e.Path)).ToList();

        Assert.Equal(Expected.Select(e => e.Line), first);
        Assert.Equal(first, again);
    }
}
