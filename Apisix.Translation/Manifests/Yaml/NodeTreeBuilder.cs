namespace Apisix.Translation.Manifests.Yaml;

/// <summary>
/// Assembles parsed nodes into a tree without recursion: what the YAML parser's events and the JSON
/// reader's tokens both come down to. It enforces what a Kubernetes object needs of a document: string
/// keys, no duplicate key, a value for every key, and at most <see cref="YamlDocumentParser.MaxDepth"/>
/// levels; a breach is a <see cref="ManifestSyntaxException"/> at the given line.
/// </summary>
internal sealed class NodeTreeBuilder
{
    private readonly Stack<Frame> _stack = new();

    /// <summary>The first node added outside any container.</summary>
    public YamlNode? Root { get; private set; }

    /// <summary>Starts a new document.</summary>
    public void Clear()
    {
        _stack.Clear();
        Root = null;
    }

    /// <summary>Adds a container and makes it the current one.</summary>
    public void Open(YamlNode node, int line)
    {
        if (_stack.Count >= YamlDocumentParser.MaxDepth)
        {
            throw new ManifestSyntaxException(line, $"nesting deeper than {YamlDocumentParser.MaxDepth} levels");
        }

        Add(node, line);
        _stack.Push(new Frame(node));
    }

    /// <summary>Ends the current container.</summary>
    public void Close(int line)
    {
        var frame = _stack.Pop();
        if (frame.PendingKey is not null)
        {
            throw new ManifestSyntaxException(line, "mapping key without a value");
        }
    }

    /// <summary>Adds a node: the root, an item of the current sequence, or a key or value of the current mapping.</summary>
    public void Add(YamlNode node, int line)
    {
        if (_stack.Count == 0)
        {
            Root = node;
            return;
        }

        var frame = _stack.Peek();
        if (frame.Node is YamlSequence sequence)
        {
            sequence.Items.Add(node);
            return;
        }

        var mapping = (YamlMapping)frame.Node;
        if (frame.PendingKey is null)
        {
            if (node is not YamlScalar key)
            {
                throw new ManifestSyntaxException(line, "mapping keys must be strings");
            }

            if (mapping.Get(key.Value) is not null)
            {
                throw new ManifestSyntaxException(line, $"duplicate key '{key.Value}'");
            }

            frame.PendingKey = key;
            return;
        }

        mapping.Entries.Add(new(frame.PendingKey, node));
        frame.PendingKey = null;
    }

    private sealed class Frame(YamlNode node)
    {
        public YamlNode Node { get; } = node;

        public YamlScalar? PendingKey { get; set; }
    }
}
