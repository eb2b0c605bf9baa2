using YamlDotNet.RepresentationModel;

namespace Apisix.Webhook.Tests;

/// <summary>
/// <c>helm template</c> for <c>charts/apisix-ingress</c>, done by <see cref="HelmTemplate"/>: values.yaml,
/// then each values file given, then each <c>--set</c> (a dotted path and a YAML value), merged as helm does;
/// the manifests come back parsed.
/// </summary>
internal static class Chart
{
    public static readonly string Directory = Path.Combine(Repository.Root, "charts", "apisix-ingress");

    public const string Namespace = "apisix";

    public const string Release = "apisix";

    public static List<Dictionary<string, object?>> Render(string[]? valuesFiles = null, params (string Path, string Yaml)[] set)
    {
        var values = (Dictionary<string, object?>)Load(Path.Combine(Directory, "values.yaml"))!;
        foreach (var file in valuesFiles ?? [])
        {
            Merge(values, (Dictionary<string, object?>)Load(Path.Combine(Directory, file))!);
        }

        foreach (var (path, yaml) in set)
        {
            var names = path.Split('.');
            var overlay = new Dictionary<string, object?>(StringComparer.Ordinal) { [names[^1]] = Parse(yaml) };
            foreach (var name in names[..^1].Reverse())
            {
                overlay = new Dictionary<string, object?>(StringComparer.Ordinal) { [name] = overlay };
            }

            Merge(values, overlay);
        }

        var chart = (Dictionary<string, object?>)Load(Path.Combine(Directory, "Chart.yaml"))!;
        var root = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Values"] = values,
            ["Release"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["Name"] = Release, ["Namespace"] = Namespace, ["Service"] = "Helm" },
            ["Chart"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["Name"] = chart["name"], ["Version"] = chart["version"], ["AppVersion"] = chart["appVersion"] },
        };

        var template = new HelmTemplate();
        var files = System.IO.Directory.GetFiles(Path.Combine(Directory, "templates")).Order(StringComparer.Ordinal).ToArray();
        var parsed = files.Select(f => (File: f, Nodes: template.Parse(File.ReadAllText(f)))).ToArray();
        var manifests = new List<Dictionary<string, object?>>();
        foreach (var (file, nodes) in parsed.Where(p => !Path.GetFileName(p.File).StartsWith('_')))
        {
            var text = template.Render(nodes, root);
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(text));
            }
            catch (YamlDotNet.Core.YamlException error)
            {
                throw new InvalidOperationException($"{Path.GetFileName(file)} renders to YAML that does not parse ({error.Message}):\n{text}", error);
            }

            manifests.AddRange(stream.Documents.Select(d => HelmTemplate.FromYaml(d.RootNode)).OfType<Dictionary<string, object?>>());
        }

        return manifests;
    }

    public static Dictionary<string, object?> Single(this List<Dictionary<string, object?>> manifests, string kind) =>
        Assert.Single(manifests, m => (string?)m["kind"] == kind);

    /// <summary>The value at a dotted path (<c>spec.template.spec</c>; a number picks a list item; empty: the value).</summary>
    public static object? At(this object? value, string path)
    {
        foreach (var name in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            value = value switch
            {
                Dictionary<string, object?> map => map.GetValueOrDefault(name),
                List<object?> list when int.TryParse(name, out var index) => index < list.Count ? list[index] : null,
                _ => null,
            };
        }

        return value;
    }

    public static Dictionary<string, object?> Map(this object? value, string path) =>
        Assert.IsType<Dictionary<string, object?>>(value.At(path));

    public static List<object?> List(this object? value, string path) =>
        Assert.IsType<List<object?>>(value.At(path));

    public static object? Load(string file) => Parse(File.ReadAllText(file));

    private static object? Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0 ? null : HelmTemplate.FromYaml(stream.Documents[0].RootNode);
    }

    /// <summary>helm's merge: maps merge key by key, anything else replaces, null removes.</summary>
    private static void Merge(Dictionary<string, object?> into, Dictionary<string, object?> from)
    {
        foreach (var (key, value) in from)
        {
            if (value is null)
            {
                into.Remove(key);
            }
            else if (value is Dictionary<string, object?> map && into.GetValueOrDefault(key) is Dictionary<string, object?> existing)
            {
                Merge(existing, map);
            }
            else
            {
                into[key] = value;
            }
        }
    }
}
