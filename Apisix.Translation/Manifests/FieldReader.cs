using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Apisix.Translation.Manifests.Yaml;

namespace Apisix.Translation.Manifests;

/// <summary>
/// Reads the fields of one mapping by name, checking types, and remembers the Kubernetes field path so
/// every finding names the offending value. In strict mode, <see cref="Complete"/> reports the fields
/// nobody asked for as unknown.
/// </summary>
internal sealed class FieldReader
{
    private readonly YamlMapping _node;
    private ulong _seen;
    private bool[]? _seenBeyond64;
    private readonly bool _strict;

    public FieldReader(YamlMapping node, string path, ReadContext context, bool strict)
    {
        _node = node;
        Path = path;
        Context = context;
        _strict = strict;
    }

    /// <summary>The field path of this mapping.</summary>
    public string Path { get; }

    /// <summary>The line the mapping starts on.</summary>
    public int Line => _node.Line;

    /// <summary>The shared read state.</summary>
    public ReadContext Context { get; }

    /// <summary>The path of a child field.</summary>
    public string PathOf(string key) => Join(Path, key);

    /// <summary>Joins a parent path and a key.</summary>
    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    /// <summary>The keys of the mapping, in order (for a map whose keys are data, such as plugin names).</summary>
    public IEnumerable<string> Keys => _node.Entries.Select(entry => entry.Key.Value);

    /// <summary>True when <paramref name="key"/> is present and not null.</summary>
    public bool Has(string key) => Peek(key) is not null;

    /// <summary>The raw node of a field, marking it read; null when absent or null.</summary>
    public YamlNode? Take(string key)
    {
        var index = _node.IndexOf(key);
        if (index < 0)
        {
            return null;
        }

        MarkSeen(index);
        var node = Present(_node.Entries[index].Value);
        if (node is not null)
        {
            Context.RecordLine(Path, key, node.Line);
        }

        return node;
    }

    /// <summary>Reads a string field; a number or boolean is a type error, as the API server says.</summary>
    public string? String(string key)
    {
        var node = Take(key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalar scalar && scalar.TypeName == "string")
        {
            return scalar.Value;
        }

        WrongType(key, "a string", node);
        return null;
    }

    /// <summary>Reads a string field that must be present and non-empty.</summary>
    public string RequiredString(string key)
    {
        var present = Has(key);
        var value = String(key);
        if (!present)
        {
            Context.Error(DiagnosticCodes.RequiredField, PathOf(key), "is required", Line);
        }
        else if (value is { Length: 0 })
        {
            Context.Error(DiagnosticCodes.RequiredField, PathOf(key), "must not be empty", LineOf(key));
        }

        return value ?? string.Empty;
    }

    /// <summary>Reads a boolean field that must be present.</summary>
    public bool? RequiredBool(string key)
    {
        if (!Has(key))
        {
            Context.Error(DiagnosticCodes.RequiredField, PathOf(key), "is required", Line);
        }

        return Bool(key);
    }

    /// <summary>Reads an integer field.</summary>
    public long? Long(string key)
    {
        var node = Take(key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalar { AsInteger: { } value })
        {
            return value;
        }

        if (node is YamlScalar { AsNumber: { } number } && number == Math.Floor(number) && Math.Abs(number) < 9e15)
        {
            return (long)number;
        }

        WrongType(key, "an integer", node);
        return null;
    }

    /// <summary>Reads an integer field that must fit in 32 bits.</summary>
    public int? Int(string key)
    {
        var value = Long(key);
        if (value is null)
        {
            return null;
        }

        if (value is < int.MinValue or > int.MaxValue)
        {
            Context.Error(DiagnosticCodes.InvalidValue, PathOf(key), $"{value} is out of range", LineOf(key));
            return null;
        }

        return (int)value.Value;
    }

    /// <summary>Reads a number field.</summary>
    public double? Number(string key)
    {
        var node = Take(key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalar { AsNumber: { } value })
        {
            return value;
        }

        WrongType(key, "a number", node);
        return null;
    }

    /// <summary>Reads a boolean field.</summary>
    public bool? Bool(string key)
    {
        var node = Take(key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalar { AsBool: { } value })
        {
            return value;
        }

        WrongType(key, "a boolean", node);
        return null;
    }

    /// <summary>Reads a Kubernetes int-or-string field.</summary>
    public IntOrString? IntOrString(string key)
    {
        var node = Take(key);
        switch (node)
        {
            case null:
                return null;
            case YamlScalar { AsInteger: { } number } when number is >= int.MinValue and <= int.MaxValue:
                return Translation.IntOrString.FromInt((int)number);
            case YamlScalar scalar when scalar.TypeName == "string":
                return Translation.IntOrString.FromString(scalar.Value);
            default:
                WrongType(key, "an integer or a string", node);
                return null;
        }
    }

    /// <summary>Reads a list of strings.</summary>
    public EquatableArray<string> StringList(string key)
    {
        var node = Take(key);
        if (node is null)
        {
            return EquatableArray<string>.Empty;
        }

        if (node is not YamlSequence sequence)
        {
            WrongType(key, "an array of strings", node);
            return EquatableArray<string>.Empty;
        }

        var items = ImmutableArray.CreateBuilder<string>(sequence.Items.Length);
        for (var i = 0; i < sequence.Items.Length; i++)
        {
            var item = sequence.Items[i];
            if (item is YamlScalar scalar && scalar.TypeName == "string")
            {
                items.Add(scalar.Value);
            }
            else
            {
                Context.Error(DiagnosticCodes.WrongType, $"{PathOf(key)}[{i}]", $"must be a string, got {item.TypeName}", item.Line);
            }
        }

        return items.ToImmutable();
    }

    /// <summary>
    /// Refuses a list that is given but empty, as a CRD's <c>minItems: 1</c> does (whether the list may be
    /// absent is the caller's business).
    /// </summary>
    public void RefuseEmptyList(string key)
    {
        if (Peek(key) is YamlSequence { Items.Length: 0 } empty)
        {
            Context.Error(DiagnosticCodes.SchemaViolation, PathOf(key), "must have at least one item", empty.Line);
        }
    }

    /// <summary>Reads a list of integers.</summary>
    public EquatableArray<int> IntList(string key)
    {
        var node = Take(key);
        if (node is null)
        {
            return EquatableArray<int>.Empty;
        }

        if (node is not YamlSequence sequence)
        {
            WrongType(key, "an array of integers", node);
            return EquatableArray<int>.Empty;
        }

        var items = ImmutableArray.CreateBuilder<int>(sequence.Items.Length);
        for (var i = 0; i < sequence.Items.Length; i++)
        {
            var item = sequence.Items[i];
            if (item is YamlScalar { AsInteger: { } number } && number is >= int.MinValue and <= int.MaxValue)
            {
                items.Add((int)number);
            }
            else
            {
                Context.Error(DiagnosticCodes.WrongType, $"{PathOf(key)}[{i}]", $"must be an integer, got {item.TypeName}", item.Line);
            }
        }

        return items.ToImmutable();
    }

    /// <summary>Reads a map of strings (labels, annotations, selectors).</summary>
    public EquatableMap<string> StringMap(string key)
    {
        var node = Take(key);
        if (node is null)
        {
            return EquatableMap<string>.Empty;
        }

        if (node is not YamlMapping mapping)
        {
            WrongType(key, "an object of strings", node);
            return EquatableMap<string>.Empty;
        }

        var pairs = new List<KeyValuePair<string, string>>(mapping.Entries.Length);
        foreach (var (entryKey, value) in mapping.Entries)
        {
            // Findings about one entry (an annotation's value) name it as path[key]; the key has dots, so only
            // recording that exact path lets them point at the entry's own line.
            Context.RecordLine($"{PathOf(key)}[{entryKey.Value}]", null, entryKey.Line);
            if (value is YamlScalar scalar && scalar.TypeName == "string")
            {
                pairs.Add(new(entryKey.Value, scalar.Value));
            }
            else if (value is YamlScalar { IsNull: true })
            {
                pairs.Add(new(entryKey.Value, string.Empty));
            }
            else
            {
                Context.Error(DiagnosticCodes.WrongType, $"{PathOf(key)}[{entryKey.Value}]", $"must be a string, got {value.TypeName}", value.Line);
            }
        }

        return EquatableMap<string>.From(pairs);
    }

    /// <summary>Reads a free-form JSON value (a plugin config).</summary>
    public JsonBlob? Json(string key)
    {
        var node = Take(key);
        if (node is null)
        {
            return null;
        }

        // Checked now, converted when something reads it as JSON: the admission webhook copies a config
        // straight from the node to check it, and a dry-run translation only passes it along.
        if (YamlJsonConverter.Problem(node, out var where, out var line) is { } error)
        {
            var path = where.Length == 0 ? PathOf(key) : where[0] == '[' ? PathOf(key) + where : Join(PathOf(key), where);
            Context.Error(DiagnosticCodes.InvalidValue, path, error, line);
            return null;
        }

        return new JsonBlob(node);
    }

    /// <summary>
    /// Reports, in strict mode, the fields of the object at <paramref name="key"/> that are not in
    /// <paramref name="known"/>: for a value read whole (as JSON) whose schema still lists its fields.
    /// </summary>
    public void CheckFields(string key, string[] known)
    {
        if (!_strict || Peek(key) is not YamlMapping mapping)
        {
            return;
        }

        var child = new FieldReader(mapping, PathOf(key), Context, strict: true);
        foreach (var field in known)
        {
            child.Take(field);
        }

        child.Complete();
    }

    /// <summary>Reads an object field with <paramref name="read"/>; null when absent or of the wrong type.</summary>
    public T? Object<T>(string key, Func<FieldReader, T> read, bool? strict = null)
        where T : class
    {
        var node = Take(key);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlMapping mapping)
        {
            WrongType(key, "an object", node);
            return null;
        }

        var child = new FieldReader(mapping, PathOf(key), Context, strict ?? _strict);
        var value = read(child);
        child.Complete();
        return value;
    }

    /// <summary>Reads an object field that must be present with <paramref name="read"/>; null, with an error, when absent.</summary>
    public T? RequiredObject<T>(string key, Func<FieldReader, T> read)
        where T : class
    {
        var value = Object(key, read);
        if (value is null && !Has(key))
        {
            Context.Error(DiagnosticCodes.RequiredField, PathOf(key), "is required", Line);
        }

        return value;
    }

    /// <summary>Reads a list of objects with <paramref name="read"/>; items of the wrong type are reported and skipped.</summary>
    public EquatableArray<T> List<T>(string key, Func<FieldReader, T> read)
    {
        var node = Take(key);
        if (node is null)
        {
            return EquatableArray<T>.Empty;
        }

        if (node is not YamlSequence sequence)
        {
            WrongType(key, "an array", node);
            return EquatableArray<T>.Empty;
        }

        var items = ImmutableArray.CreateBuilder<T>(sequence.Items.Length);
        for (var i = 0; i < sequence.Items.Length; i++)
        {
            var itemPath = $"{PathOf(key)}[{i}]";
            Context.RecordLine(itemPath, null, sequence.Items[i].Line);
            if (sequence.Items[i] is not YamlMapping mapping)
            {
                Context.Error(DiagnosticCodes.WrongType, itemPath, $"must be an object, got {sequence.Items[i].TypeName}", sequence.Items[i].Line);
                continue;
            }

            var child = new FieldReader(mapping, itemPath, Context, _strict);
            items.Add(read(child));
            child.Complete();
        }

        return items.ToImmutable();
    }

    /// <summary>
    /// Reads a document's required <c>spec</c> with <paramref name="read"/> (its <c>status</c> is ignored: we
    /// write status, we do not read it). Null, with an error, when <c>spec</c> is missing.
    /// </summary>
    public T? Spec<T>(Func<FieldReader, T> read)
        where T : class
    {
        Take("status");
        var value = Object("spec", read);
        if (value is null && !Has("spec"))
        {
            Context.Error(DiagnosticCodes.RequiredField, PathOf("spec"), "is required", Line);
        }

        return value;
    }

    /// <summary>Reports, in strict mode, every field that was present but never read.</summary>
    public void Complete()
    {
        if (!_strict)
        {
            return;
        }

        for (var i = 0; i < _node.Entries.Length; i++)
        {
            var key = _node.Entries[i].Key;
            if (!WasSeen(i))
            {
                Context.Report(DiagnosticSeverity.Warning, DiagnosticCodes.UnknownField, PathOf(key.Value), "unknown field (the API server would drop it)", key.Line);
            }
        }
    }

    /// <summary>The line of a field's value, or of this mapping when absent.</summary>
    public int LineOf(string key) => Peek(key)?.Line ?? Line;

    /// <summary>Reports an error on a child field.</summary>
    public void Error(string code, string key, string message) => Context.Error(code, PathOf(key), message, LineOf(key));

    private YamlNode? Peek(string key) => _node.Get(key) is { } node ? Present(node) : null;

    /// <summary>A field's value, or null when it is an explicit null (the same as absent).</summary>
    private static YamlNode? Present(YamlNode node) => node is YamlScalar { IsNull: true } ? null : node;

    // Which entries were read, by position: a bit each (a mapping of more than 64 fields spills into an array).
    private void MarkSeen(int index)
    {
        if (index < 64)
        {
            _seen |= 1UL << index;
        }
        else
        {
            (_seenBeyond64 ??= new bool[_node.Entries.Length])[index] = true;
        }
    }

    private bool WasSeen(int index) => index < 64 ? (_seen & (1UL << index)) != 0 : _seenBeyond64?[index] == true;

    private void WrongType(string key, string expected, YamlNode node) =>
        Context.Error(DiagnosticCodes.WrongType, PathOf(key), $"must be {expected}, got {node.TypeName}", node.Line);
}
