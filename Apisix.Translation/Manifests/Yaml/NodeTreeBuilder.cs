using System.Runtime.InteropServices;

namespace Apisix.Translation.Manifests.Yaml;

/// <summary>
/// Assembles parsed nodes into a tree without recursion: what the YAML parser's events and the JSON
/// reader's tokens both come down to. It enforces what a Kubernetes object needs of a document: string
/// keys, no duplicate key, a value for every key, and at most <see cref="YamlDocumentParser.MaxDepth"/>
/// levels; a breach is a <see cref="ManifestSyntaxException"/> at the given line.
/// </summary>
/// <remarks>
/// The children of the open containers wait on two shared stacks and move into their container, at its
/// exact size, when it closes: no list grows by doubling, and no object is made per open container. A
/// container holds its children in a plain array.
/// </remarks>
internal sealed class NodeTreeBuilder
{
    private readonly List<Frame> _frames = [];
    private readonly List<KeyValuePair<YamlScalar, YamlNode>> _entries = [];
    private readonly List<YamlNode> _items = [];

    /// <summary>The first node added outside any container.</summary>
    public YamlNode? Root { get; private set; }

    /// <summary>How many values were added since <see cref="Clear"/>: the root, items and mapping values (not keys).</summary>
    public int Nodes { get; private set; }

    /// <summary>
    /// True when the waiting stacks are small enough to keep for the next document: a builder that once read
    /// a huge one lets its arrays go rather than holding them for the life of the thread.
    /// </summary>
    public bool WorthKeeping => _frames.Capacity <= 64 && _entries.Capacity <= 1024 && _items.Capacity <= 1024;

    /// <summary>Starts a new document.</summary>
    public void Clear()
    {
        _frames.Clear();
        _entries.Clear();
        _items.Clear();
        Root = null;
        Nodes = 0;
    }

    /// <summary>Adds a container and makes it the current one.</summary>
    public void Open(YamlNode node, int line)
    {
        if (_frames.Count >= YamlDocumentParser.MaxDepth)
        {
            throw new ManifestSyntaxException(line, $"nesting deeper than {YamlDocumentParser.MaxDepth} levels");
        }

        Add(node, line);
        _frames.Add(new Frame(node, node is YamlMapping ? _entries.Count : _items.Count));
    }

    /// <summary>Ends the current container, which takes its children.</summary>
    public void Close(int line)
    {
        var frame = _frames[^1];
        _frames.RemoveAt(_frames.Count - 1);
        if (frame.PendingKey is not null)
        {
            throw new ManifestSyntaxException(line, "mapping key without a value");
        }

        if (frame.Node is YamlMapping mapping)
        {
            mapping.Entries = Take(_entries, frame.Start);
        }
        else
        {
            ((YamlSequence)frame.Node).Items = Take(_items, frame.Start);
        }
    }

    /// <summary>Adds a node: the root, an item of the current sequence, or a key or value of the current mapping.</summary>
    public void Add(YamlNode node, int line)
    {
        if (_frames.Count == 0)
        {
            Nodes++;
            Root = node;
            return;
        }

        ref var frame = ref CollectionsMarshal.AsSpan(_frames)[^1];
        if (frame.Node is YamlSequence)
        {
            Nodes++;
            _items.Add(node);
            return;
        }

        if (frame.PendingKey is null)
        {
            if (node is not YamlScalar key)
            {
                throw new ManifestSyntaxException(line, "mapping keys must be strings");
            }

            if (Duplicates(ref frame, key.Value))
            {
                throw new ManifestSyntaxException(line, $"duplicate key '{key.Value}'");
            }

            frame.PendingKey = key;
            return;
        }

        Nodes++;
        _entries.Add(new(frame.PendingKey, node));
        frame.Keys?.Add(frame.PendingKey.Value);
        frame.PendingKey = null;
    }

    /// <summary>Mappings up to this many keys are searched key by key; a larger one gets a set.</summary>
    private const int ScannedKeys = 16;

    /// <summary>
    /// True when the open mapping already has <paramref name="key"/>. A scan for small mappings; from
    /// <see cref="ScannedKeys"/> keys on, a set, so that a free-form object with a hundred thousand keys is
    /// read in linear time rather than in quadratic.
    /// </summary>
    private bool Duplicates(ref Frame frame, string key)
    {
        var count = _entries.Count - frame.Start;
        if (frame.Keys is null && count < ScannedKeys)
        {
            for (var i = frame.Start; i < _entries.Count; i++)
            {
                if (_entries[i].Key.Value == key)
                {
                    return true;
                }
            }

            return false;
        }

        if (frame.Keys is null)
        {
            frame.Keys = new HashSet<string>(count * 2, StringComparer.Ordinal);
            for (var i = frame.Start; i < _entries.Count; i++)
            {
                frame.Keys.Add(_entries[i].Key.Value);
            }
        }

        return frame.Keys.Contains(key);
    }

    /// <summary>The children waiting from <paramref name="start"/> on, as an array of their number, taken off the stack.</summary>
    private static T[] Take<T>(List<T> waiting, int start)
    {
        var children = CollectionsMarshal.AsSpan(waiting)[start..].ToArray();
        waiting.RemoveRange(start, children.Length);
        return children;
    }

    private record struct Frame(YamlNode Node, int Start)
    {
        public YamlScalar? PendingKey { get; set; }

        /// <summary>The keys so far, once the mapping has <see cref="ScannedKeys"/> of them.</summary>
        public HashSet<string>? Keys { get; set; }
    }
}
