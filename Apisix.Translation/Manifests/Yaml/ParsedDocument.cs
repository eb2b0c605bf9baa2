namespace Apisix.Translation.Manifests.Yaml;

/// <summary>One document of a stream: its root (null when empty or broken) and, when broken, why.</summary>
internal sealed record ParsedDocument(YamlNode? Root, int Line, string? Error);
