using System.Globalization;
using System.Text;
using Apisix.Translation.Manifests;

namespace Apisix.Translation.Tests.Unit;

/// <summary>The reader marks which fields it read by their position; a mapping may have any number of them.</summary>
public sealed class ManifestReaderFieldTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(100)]
    public void UnknownFields_AreReported_BeforeAndAfterTheSixtyFourth(int unknown)
    {
        // The known field comes after all the unknown ones, so it sits past position 64 when there are many.
        var spec = new StringBuilder();
        for (var i = 0; i < unknown; i++)
        {
            spec.Append(CultureInfo.InvariantCulture, $"  extra{i}: {i}\n");
        }

        spec.Append("  http:\n  - name: r1\n    match: {paths: [/x]}\n    backends: [{serviceName: s, servicePort: 80}]\n");
        var yaml = $"apiVersion: apisix.apache.org/v2\nkind: ApisixRoute\nmetadata: {{name: r, namespace: ns}}\nspec:\n{spec}";

        var read = ManifestReader.Read(yaml, "route.yaml");

        var route = Assert.IsType<Apisix.Translation.Crds.ApisixRoute>(Assert.Single(read.Objects));
        Assert.Equal("r1", Assert.Single(route.Http).Name);
        var reported = read.Diagnostics.Where(d => d.Code == DiagnosticCodes.UnknownField).Select(d => d.Path).ToList();
        Assert.Equal(Enumerable.Range(0, unknown).Select(i => $"spec.extra{i}"), reported);
        Assert.Equal(4 + unknown, read.Diagnostics.Single(d => d.Path == $"spec.extra{unknown - 1}").Location?.Line);
    }
}
