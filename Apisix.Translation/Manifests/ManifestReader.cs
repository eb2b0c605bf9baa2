using System.Collections.Immutable;
using Apisix.Translation.Kubernetes;
using Apisix.Translation.Manifests.Yaml;

namespace Apisix.Translation.Manifests;

/// <summary>
/// Reads multi-document YAML or JSON into typed Kubernetes objects. Nothing a user writes makes it
/// throw: broken documents, unknown kinds, unknown fields and wrong types become diagnostics with the
/// file and line, and the other documents are still read.
/// </summary>
public static class ManifestReader
{
    /// <summary>The namespace given to namespaced objects that name none, as kubectl does by default.</summary>
    public const string DefaultNamespace = "default";

    /// <summary>Reads every document in <paramref name="text"/>.</summary>
    /// <param name="text">YAML or JSON; <c>List</c> kinds are unpacked.</param>
    /// <param name="source">The file name for diagnostics (<c>-</c> for standard input).</param>
    public static ManifestReadResult Read(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        return ReadDocuments(YamlDocumentParser.Parse(text), source);
    }

    /// <summary>
    /// Reads one JSON document given as UTF-8 bytes (what an admission review or <c>kubectl -o json</c>
    /// carries) as JSON, without decoding it into a string first. Every string keeps the characters it
    /// holds: a NEL or line separator inside one stays as it is, where <see cref="Read(string, string)"/>
    /// (YAML rules) would fold it into a space. Otherwise the result is <see cref="Read(string, string)"/>'s.
    /// </summary>
    /// <param name="utf8Json">The document; anything but exactly one JSON value in valid UTF-8 is read as text, as <see cref="Read(string, string)"/> reads it, and reported there.</param>
    /// <param name="source">The file name for diagnostics.</param>
    public static ManifestReadResult ReadJson(ReadOnlySpan<byte> utf8Json, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return JsonDocumentParser.TryParse(utf8Json) is { } document
            ? ReadDocuments([document], source)
            : Read(System.Text.Encoding.UTF8.GetString(utf8Json), source);
    }

    private static ManifestReadResult ReadDocuments(List<ParsedDocument> documents, string source)
    {
        var objects = ImmutableArray.CreateBuilder<KubernetesObject>();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var document in documents)
        {
            if (document.Error is not null)
            {
                diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.MalformedManifest, null, string.Empty, document.Error)
                {
                    Location = new SourceLocation(source, document.Line),
                });
                continue;
            }

            if (document.Root is null or YamlScalar { IsNull: true })
            {
                continue;
            }

            ReadDocument(document.Root, document.Nodes, source, string.Empty, objects, diagnostics);
        }

        return new ManifestReadResult(objects.ToImmutable(), diagnostics.ToImmutable());
    }

    private static void ReadDocument(YamlNode root, int nodes, string source, string path, ImmutableArray<KubernetesObject>.Builder objects, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        var context = new ReadContext(source, nodes);
        if (root is not YamlMapping mapping)
        {
            context.Error(DiagnosticCodes.InvalidObject, path, $"a document must be an object, got {root.TypeName}", root.Line);
            diagnostics.AddRange(context.Diagnostics);
            return;
        }

        var reader = new FieldReader(mapping, path, context, strict: false);
        var apiVersion = reader.String("apiVersion");
        var kind = reader.String("kind");
        if (kind is not null && kind.EndsWith("List", StringComparison.Ordinal) && reader.Take("items") is YamlSequence items)
        {
            for (var i = 0; i < items.Items.Length; i++)
            {
                ReadDocument(items.Items[i], 0, source, $"{FieldReader.Join(path, "items")}[{i}]", objects, diagnostics);
            }

            diagnostics.AddRange(context.Diagnostics);
            return;
        }

        if (string.IsNullOrEmpty(apiVersion) || string.IsNullOrEmpty(kind))
        {
            context.Error(DiagnosticCodes.InvalidObject, path, "apiVersion and kind are required", mapping.Line);
            diagnostics.AddRange(context.Diagnostics);
            return;
        }

        var parsed = ReadObject(mapping, kind, apiVersion, path, context);
        diagnostics.AddRange(context.Diagnostics);
        if (parsed is not null && !context.HasErrors)
        {
            objects.Add(parsed);
        }
    }

    private static KubernetesObject? ReadObject(YamlMapping mapping, string kind, string apiVersion, string path, ReadContext context)
    {
        var info = KindRegistry.Find(kind);
        var probe = new FieldReader(mapping, path, context, strict: false);
        var metadata = probe.Object("metadata", ReadMetadata);
        context.Object = new ObjectRef(kind, info is { Namespaced: false } ? null : metadata?.Namespace ?? DefaultNamespace, metadata is { Name.Length: > 0 } ? metadata.Name : "(unnamed)");
        if (info is null)
        {
            context.Report(DiagnosticSeverity.Warning, DiagnosticCodes.UnknownKind, path, $"kind {kind} ({apiVersion}) is not translated; ignored", mapping.Line);
            return null;
        }

        if (!info.ApiVersions.Contains(apiVersion, StringComparer.Ordinal))
        {
            context.Error(DiagnosticCodes.UnknownKind, FieldReader.Join(path, "apiVersion"), $"{kind} is read as {string.Join(" or ", info.ApiVersions)}, not {apiVersion}", mapping.Line);
            return null;
        }

        if (metadata is null || metadata.Name.Length == 0)
        {
            context.Error(DiagnosticCodes.InvalidObject, FieldReader.Join(path, "metadata.name"), "is required", mapping.Line);
            return null;
        }

        metadata = metadata with { Namespace = info.Namespaced ? metadata.Namespace ?? DefaultNamespace : null };
        var reader = new FieldReader(mapping, path, context, info.Strict);
        reader.Take("apiVersion");
        reader.Take("kind");
        reader.Take("metadata");
        var result = info.Read(reader, metadata);
        reader.Complete();
        return result with { Source = new SourceLocation(context.File, mapping.Line), Lines = new FieldLineIndex(context.Lines) };
    }

    private static ObjectMeta ReadMetadata(FieldReader metadata) => new()
    {
        Name = metadata.String("name") ?? string.Empty,
        Namespace = metadata.String("namespace") is { Length: > 0 } ns ? ns : null,
        Labels = metadata.StringMap("labels"),
        Annotations = metadata.StringMap("annotations"),
        Uid = metadata.String("uid"),
        ResourceVersion = metadata.String("resourceVersion"),
        Generation = metadata.Long("generation"),
        CreationTimestamp = metadata.String("creationTimestamp"),
        DeletionTimestamp = metadata.String("deletionTimestamp"),
    };
}
