namespace Apisix.Translation.Manifests.Yaml;

/// <summary>One document of a stream: its root (null when empty or broken) and, when broken, why.</summary>
/// <param name="Root">The document's root node; null when it is empty or broken.</param>
/// <param name="Line">The line the document starts at (or where it broke).</param>
/// <param name="Error">Why the document is broken; null when it is not.</param>
/// <param name="Nodes">How many values the document has (the root, items and mapping values; keys not counted): the reader records at most one line for each.</param>
internal sealed record ParsedDocument(YamlNode? Root, int Line, string? Error, int Nodes = 0);
