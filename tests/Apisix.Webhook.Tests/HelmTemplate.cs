using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace Apisix.Webhook.Tests;

/// <summary>
/// helm is not on this machine, so the chart is rendered here: the part of Go's text/template and of
/// helm's functions that the chart uses (if/else/with/range/define, variables, pipelines, include,
/// toYaml, toJson, nindent, default, quote, fail...), with helm's whitespace trimming and its rule that
/// a missing value prints as nothing. Anything outside that subset throws, so a template that uses more
/// fails its tests instead of rendering wrong. The output is parsed as YAML by <see cref="Chart"/>.
/// </summary>
internal sealed class HelmTemplate
{
    private readonly Dictionary<string, List<Node>> _defines = new(StringComparer.Ordinal);

    /// <summary>Parses <paramref name="text"/>; its <c>define</c> blocks become available to <c>include</c>.</summary>
    public List<Node> Parse(string text)
    {
        var position = 0;
        var nodes = ParseList(text, ref position, out var stop);
        if (stop is not null)
        {
            throw new FormatException($"unexpected {{{{ {stop} }}}}");
        }

        return nodes;
    }

    public string Render(List<Node> nodes, object? dot)
    {
        var output = new StringBuilder();
        Execute(nodes, new Scope(dot, dot, null), output);
        return output.ToString();
    }

    // ---- parsing -------------------------------------------------------------------------------------

    internal abstract record Node;

    private sealed record TextNode(string Text) : Node;

    private sealed record ActionNode(Pipeline Pipeline) : Node;

    private sealed record IfNode(Pipeline Condition, List<Node> Then, List<Node> Else, bool With) : Node;

    private sealed record RangeNode(string? KeyVariable, string? ValueVariable, Pipeline Source, List<Node> Body) : Node;

    /// <summary>Reads nodes until an action that is not a node of its own (else, end) and returns it in <paramref name="stop"/>.</summary>
    private List<Node> ParseList(string text, ref int position, out string? stop)
    {
        var nodes = new List<Node>();
        stop = null;
        while (position < text.Length)
        {
            var open = text.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                nodes.Add(new TextNode(text[position..]));
                position = text.Length;
                break;
            }

            var close = CloseOf(text, open);
            var body = text[(open + 2)..close];
            var trimLeft = body.StartsWith("- ", StringComparison.Ordinal);
            var trimRight = body.EndsWith(" -", StringComparison.Ordinal);
            body = body[(trimLeft ? 1 : 0)..(body.Length - (trimRight ? 1 : 0))].Trim();
            var before = text[position..open];
            nodes.Add(new TextNode(trimLeft ? before.TrimEnd() : before));
            position = close + 2;
            if (trimRight)
            {
                while (position < text.Length && char.IsWhiteSpace(text[position]))
                {
                    position++;
                }
            }

            if (body.StartsWith("/*", StringComparison.Ordinal))
            {
                continue;
            }

            var keyword = body.Split(' ', 2)[0];
            var rest = body.Length > keyword.Length ? body[keyword.Length..].Trim() : string.Empty;
            switch (keyword)
            {
                case "end":
                case "else":
                    stop = body;
                    return nodes;
                case "if":
                case "with":
                    nodes.Add(ParseConditional(text, ref position, rest, keyword == "with"));
                    break;
                case "range":
                    nodes.Add(ParseRange(text, ref position, rest));
                    break;
                case "define":
                    var name = (string)((Literal)new ExpressionParser(rest).Operand()).Value!;
                    _defines[name] = ParseList(text, ref position, out var end);
                    Expect(end, "end");
                    break;
                default:
                    nodes.Add(new ActionNode(new ExpressionParser(body).Pipeline()));
                    break;
            }
        }

        return nodes;
    }

    private IfNode ParseConditional(string text, ref int position, string condition, bool with)
    {
        var then = ParseList(text, ref position, out var stop);
        var otherwise = new List<Node>();
        if (stop == "else")
        {
            otherwise = ParseList(text, ref position, out stop);
            Expect(stop, "end");
        }
        else if (stop is not null && stop.StartsWith("else if ", StringComparison.Ordinal))
        {
            // {{ else if x }} ... {{ end }}: one end closes both.
            otherwise = [ParseConditional(text, ref position, stop["else if ".Length..], with: false)];
        }
        else
        {
            Expect(stop, "end");
        }

        return new IfNode(new ExpressionParser(condition).Pipeline(), then, otherwise, with);
    }

    private RangeNode ParseRange(string text, ref int position, string header)
    {
        string? key = null, value = null;
        var declaration = Regex.Match(header, @"^(\$\w+)\s*(?:,\s*(\$\w+)\s*)?:=\s*(.*)$");
        if (declaration.Success)
        {
            (key, value) = declaration.Groups[2].Success ? (declaration.Groups[1].Value, declaration.Groups[2].Value) : (null, declaration.Groups[1].Value);
            header = declaration.Groups[3].Value;
        }

        var body = ParseList(text, ref position, out var stop);
        Expect(stop, "end");
        return new RangeNode(key, value, new ExpressionParser(header).Pipeline(), body);
    }

    private static void Expect(string? stop, string expected)
    {
        if (stop != expected)
        {
            throw new FormatException($"expected {{{{ {expected} }}}}, found {(stop is null ? "the end of the file" : $"{{{{ {stop} }}}}")}");
        }
    }

    /// <summary>The index of the <c>}}</c> that closes the action opened at <paramref name="open"/>, skipping string literals.</summary>
    private static int CloseOf(string text, int open)
    {
        for (var i = open + 2; i < text.Length - 1; i++)
        {
            if (text[i] == '"')
            {
                for (i++; text[i] != '"'; i++)
                {
                    i += text[i] == '\\' ? 1 : 0;
                }
            }
            else if (text[i] == '}' && text[i + 1] == '}')
            {
                return i;
            }
        }

        throw new FormatException("unclosed {{");
    }

    // ---- expressions ---------------------------------------------------------------------------------

    internal abstract record Expression;

    private sealed record Literal(object? Value) : Expression;

    /// <summary><c>.a.b</c> on the dot (no names: the dot itself).</summary>
    private sealed record Field(string[] Names) : Expression;

    /// <summary><c>$name.a.b</c>.</summary>
    private sealed record Variable(string Name, string[] Names) : Expression;

    private sealed record Function(string Name) : Expression;

    private sealed record Parenthesized(Pipeline Pipeline) : Expression;

    /// <summary>A pipeline; <c>$x := ...</c> declares <see cref="Declares"/>, <c>$x = ...</c> assigns it where it was declared.</summary>
    internal sealed record Pipeline(string? Declares, bool Assigns, List<List<Expression>> Commands);

    private sealed class ExpressionParser(string text)
    {
        private int _at;

        public Pipeline Pipeline()
        {
            string? declares = null;
            var declaration = Regex.Match(text[_at..], @"^\s*(\$\w+)\s*(:?)=\s*");
            if (declaration.Success)
            {
                declares = declaration.Groups[1].Value;
                _at += declaration.Length;
            }

            var commands = new List<List<Expression>> { new() };
            while (true)
            {
                SkipSpace();
                if (_at >= text.Length || text[_at] == ')')
                {
                    break;
                }

                if (text[_at] == '|')
                {
                    _at++;
                    commands.Add([]);
                    continue;
                }

                commands[^1].Add(Operand());
            }

            if (commands.Any(c => c.Count == 0))
            {
                throw new FormatException($"empty command in {{{{ {text} }}}}");
            }

            return new Pipeline(declares, declaration.Success && declaration.Groups[2].Length == 0, commands);
        }

        public Expression Operand()
        {
            SkipSpace();
            var c = text[_at];
            if (c == '(')
            {
                _at++;
                var inner = Pipeline();
                if (_at >= text.Length || text[_at] != ')')
                {
                    throw new FormatException($"unclosed ( in {{{{ {text} }}}}");
                }

                _at++;
                return new Parenthesized(inner);
            }

            if (c == '"')
            {
                var value = new StringBuilder();
                for (_at++; text[_at] != '"'; _at++)
                {
                    if (text[_at] == '\\')
                    {
                        _at++;
                        value.Append(text[_at] switch { 'n' => '\n', 't' => '\t', var other => other });
                    }
                    else
                    {
                        value.Append(text[_at]);
                    }
                }

                _at++;
                return new Literal(value.ToString());
            }

            var word = Regex.Match(text[_at..], @"^[^\s()|]+").Value;
            _at += word.Length;
            if (word.StartsWith('.'))
            {
                return new Field(word == "." ? [] : word[1..].Split('.'));
            }

            if (word.StartsWith('$'))
            {
                var parts = word.Split('.');
                return new Variable(parts[0], parts[1..]);
            }

            if (long.TryParse(word, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            {
                return new Literal(number);
            }

            return word switch
            {
                "true" => new Literal(true),
                "false" => new Literal(false),
                "nil" => new Literal(null),
                _ when Regex.IsMatch(word, @"^[A-Za-z]\w*$") => new Function(word),
                _ => throw new FormatException($"cannot read '{word}' in {{{{ {text} }}}}"),
            };
        }

        private void SkipSpace()
        {
            while (_at < text.Length && char.IsWhiteSpace(text[_at]))
            {
                _at++;
            }
        }
    }

    // ---- execution -----------------------------------------------------------------------------------

    private sealed class Scope(object? dot, object? root, Scope? parent)
    {
        private readonly Dictionary<string, object?> _variables = new(StringComparer.Ordinal);

        public object? Dot { get; } = dot;

        public Scope Nested(object? dot) => new(dot, null, this);

        public void Declare(string name, object? value) => _variables[name] = value;

        public void Assign(string name, object? value)
        {
            if (_variables.ContainsKey(name))
            {
                _variables[name] = value;
            }
            else
            {
                (parent ?? throw new FormatException($"assignment to undeclared {name}")).Assign(name, value);
            }
        }

        public object? Lookup(string name)
        {
            if (name == "$" && parent is null)
            {
                return root;
            }

            if (_variables.TryGetValue(name, out var value))
            {
                return value;
            }

            return parent is not null ? parent.Lookup(name) : throw new FormatException($"undefined variable {name}");
        }
    }

    private void Execute(List<Node> nodes, Scope scope, StringBuilder output)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TextNode text:
                    output.Append(text.Text);
                    break;
                case ActionNode action:
                    var value = Evaluate(action.Pipeline, scope);
                    if (action.Pipeline.Declares is null)
                    {
                        output.Append(Print(value));
                    }

                    break;
                case IfNode conditional:
                    var condition = Evaluate(conditional.Condition, scope);
                    if (Truthy(condition))
                    {
                        Execute(conditional.Then, conditional.With ? scope.Nested(condition) : scope.Nested(scope.Dot), output);
                    }
                    else
                    {
                        Execute(conditional.Else, scope.Nested(scope.Dot), output);
                    }

                    break;
                case RangeNode range:
                    var items = Evaluate(range.Source, scope) switch
                    {
                        null => [],
                        List<object?> list => list.Select((v, i) => ((object?)(long)i, v)).ToList(),
                        Dictionary<string, object?> map => map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => ((object?)p.Key, p.Value)).ToList(),
                        var other => throw new FormatException($"cannot range over {other}"),
                    };
                    foreach (var (key, item) in items)
                    {
                        var inner = scope.Nested(item);
                        if (range.KeyVariable is not null)
                        {
                            inner.Declare(range.KeyVariable, key);
                        }

                        if (range.ValueVariable is not null)
                        {
                            inner.Declare(range.ValueVariable, item);
                        }

                        Execute(range.Body, inner, output);
                    }

                    break;
            }
        }
    }

    private object? Evaluate(Pipeline pipeline, Scope scope)
    {
        object? value = null;
        for (var i = 0; i < pipeline.Commands.Count; i++)
        {
            var command = pipeline.Commands[i];
            if (command[0] is Function function)
            {
                var arguments = command.Skip(1).Select(a => Evaluate(a, scope)).ToList();
                if (i > 0)
                {
                    arguments.Add(value);
                }

                value = Call(function.Name, arguments);
            }
            else if (command.Count == 1 && i == 0)
            {
                value = Evaluate(command[0], scope);
            }
            else
            {
                throw new FormatException("only a function can take arguments or a piped value");
            }
        }

        if (pipeline.Declares is not null && pipeline.Assigns)
        {
            scope.Assign(pipeline.Declares, value);
        }
        else if (pipeline.Declares is not null)
        {
            scope.Declare(pipeline.Declares, value);
        }

        return value;
    }

    private object? Evaluate(Expression expression, Scope scope) => expression switch
    {
        Literal literal => literal.Value,
        Field field => Walk(scope.Dot, field.Names),
        Variable variable => Walk(scope.Lookup(variable.Name), variable.Names),
        Parenthesized parenthesized => Evaluate(parenthesized.Pipeline, scope),
        Function function => Call(function.Name, []),
        _ => throw new FormatException($"cannot evaluate {expression}"),
    };

    /// <summary>Field access; a missing key (or a field of nothing) is nothing, as in helm.</summary>
    private static object? Walk(object? value, string[] names)
    {
        foreach (var name in names)
        {
            value = value is Dictionary<string, object?> map && map.TryGetValue(name, out var next) ? next : null;
        }

        return value;
    }

    private object? Call(string name, List<object?> a)
    {
        switch (name)
        {
            case "include":
                var output = new StringBuilder();
                Execute(_defines[(string)a[0]!], new Scope(a[1], a[1], null), output);
                return output.ToString();
            case "printf":
                var format = (string)a[0]!;
                var arguments = new Queue<object?>(a.Skip(1));
                return Regex.Replace(format, "%[sdv]", _ => Print(arguments.Dequeue()));
            case "trunc":
                var text = (string)a[1]!;
                var length = Convert.ToInt32(a[0], CultureInfo.InvariantCulture);
                return text.Length > length ? text[..length] : text;
            case "trimSuffix":
                var s = (string)a[1]!;
                return s.EndsWith((string)a[0]!, StringComparison.Ordinal) ? s[..^((string)a[0]!).Length] : s;
            case "quote":
                return string.Join(" ", a.Where(v => v is not null).Select(v => JsonSerializer.Serialize(Print(v))));
            case "toString":
                return Print(a[0]);
            case "toJson":
                return Json(a[0]);
            case "toYaml":
                return a[0] is null ? "null" : new SerializerBuilder().WithQuotingNecessaryStrings().Build().Serialize(a[0]).TrimEnd('\n');
            case "nindent":
            case "indent":
                var pad = new string(' ', Convert.ToInt32(a[0], CultureInfo.InvariantCulture));
                var indented = pad + ((string)a[1]!).Replace("\n", "\n" + pad, StringComparison.Ordinal);
                return name == "nindent" ? "\n" + indented : indented;
            case "default":
                return Truthy(a.Count > 1 ? a[1] : null) ? a[1] : a[0];
            case "sha256sum":
                return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes((string)a[0]!)));
            case "regexMatch":
                return Regex.IsMatch((string)a[1]!, (string)a[0]!);
            case "fail":
                throw new ChartFailure((string)a[0]!);
            case "not":
                return !Truthy(a[0]);
            case "and":
                return a.FirstOrDefault(v => !Truthy(v), a[^1]);
            case "or":
                return a.FirstOrDefault(Truthy, a[^1]);
            case "empty":
                return !Truthy(a[0]);
            case "eq":
                return Equals(Print(a[0]), Print(a[1])) && a[0]?.GetType() == a[1]?.GetType();
            case "ne":
                return !(Equals(Print(a[0]), Print(a[1])) && a[0]?.GetType() == a[1]?.GetType());
            case "gt":
            case "lt":
            case "ge":
            case "le":
                var comparison = Convert.ToInt64(a[0], CultureInfo.InvariantCulture).CompareTo(Convert.ToInt64(a[1], CultureInfo.InvariantCulture));
                return name switch { "gt" => comparison > 0, "lt" => comparison < 0, "ge" => comparison >= 0, _ => comparison <= 0 };
            case "list":
                return a.ToList();
            case "append":
                return ((List<object?>)a[0]!).Append(a[1]).ToList();
            case "dict":
                return a.Chunk(2).ToDictionary(p => (string)p[0]!, p => p[1], StringComparer.Ordinal);
            case "int":
                return Convert.ToInt64(a[0], CultureInfo.InvariantCulture);
            case "has":
                return a[1] is List<object?> haystack && haystack.Any(v => Equals(Print(v), Print(a[0])));
            default:
                throw new FormatException($"the chart uses {name}, which this renderer does not know: add it here");
        }
    }

    private static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        long n => n != 0,
        double d => d != 0,
        List<object?> list => list.Count > 0,
        Dictionary<string, object?> map => map.Count > 0,
        _ => true,
    };

    private static string Print(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        bool b => b ? "true" : "false",
        long n => n.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString(CultureInfo.InvariantCulture),
        _ => throw new FormatException($"printing a {value.GetType().Name} would give Go's map[...] syntax; use toYaml or toJson"),
    };

    /// <summary>Go's encoding/json: map keys sorted, no spaces.</summary>
    private static string Json(object? value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());

        static void Write(Utf8JsonWriter writer, object? value)
        {
            switch (value)
            {
                case null: writer.WriteNullValue(); break;
                case string s: writer.WriteStringValue(s); break;
                case bool b: writer.WriteBooleanValue(b); break;
                case long n: writer.WriteNumberValue(n); break;
                case double d: writer.WriteNumberValue(d); break;
                case List<object?> list:
                    writer.WriteStartArray();
                    list.ForEach(item => Write(writer, item));
                    writer.WriteEndArray();
                    break;
                case Dictionary<string, object?> map:
                    writer.WriteStartObject();
                    foreach (var (key, item) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
                    {
                        writer.WritePropertyName(key);
                        Write(writer, item);
                    }

                    writer.WriteEndObject();
                    break;
                default: throw new FormatException($"cannot write {value.GetType().Name} as JSON");
            }
        }
    }

    /// <summary>
    /// A YAML node as template values: maps, lists, and typed scalars (a plain <c>2</c> is a number, a quoted
    /// <c>"2"</c> a string, as in helm).
    /// </summary>
    public static object? FromYaml(YamlNode? node) => node switch
    {
        null => null,
        YamlMappingNode map => map.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => FromYaml(p.Value), StringComparer.Ordinal),
        YamlSequenceNode list => list.Children.Select(FromYaml).ToList(),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar => scalar.Value switch
        {
            null or "" or "~" or "null" => null,
            "true" => true,
            "false" => false,
            var v when long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
            var v when Regex.IsMatch(v, @"^-?[0-9]+\.[0-9]+$") => double.Parse(v, CultureInfo.InvariantCulture),
            var v => v,
        },
        YamlScalarNode scalar => scalar.Value,
        _ => throw new FormatException($"unexpected YAML node {node.NodeType}"),
    };
}

/// <summary>A template called <c>fail</c>: helm would refuse to install with this message.</summary>
internal sealed class ChartFailure(string message) : Exception(message);
