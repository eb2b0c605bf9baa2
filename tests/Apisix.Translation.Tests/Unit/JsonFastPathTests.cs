using System.Globalization;
using System.Text;
using Apisix.Translation.Manifests;
using Apisix.Translation.Manifests.Yaml;
using Apisix.Translation.Tests.Support;

namespace Apisix.Translation.Tests.Unit;

/// <summary>
/// A document that is one JSON value is read by the JSON reader instead of the YAML parser. Both must
/// build the very same nodes (types, text, quoting, lines), or the reader's diagnostics would change.
/// </summary>
public sealed class JsonFastPathTests
{
    [Fact]
    public void AFieldNameReadTwice_IsOneString_AndOddNamesReadAsWritten()
    {
        static List<string> Keys(string json) =>
            ((YamlMapping)JsonDocumentParser.TryParse(Encoding.UTF8.GetBytes(json))!.Root!).Entries.Select(e => e.Key.Value).ToList();

        const string json = """{"serviceName":1,"caf\u00e9":2,"naïve":3,"a\"b":4,"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx":5}""";
        var first = Keys(json);
        var second = Keys(json);

        Assert.Equal(["serviceName", "café", "naïve", "a\"b", new string('x', 80)], first);
        Assert.Equal(first, second);
        // A known name is one string; other names are made each time, as before.
        Assert.Same(first[0], second[0]);
        Assert.NotSame(first[1], second[1]);
    }

    [Fact]
    public void EveryFieldNameAReaderAsksFor_IsAKnownName()
    {
        // The names passed to FieldReader in the readers' source: a name missing from the set still reads
        // correctly, only without the shared string, so this keeps the set in step rather than guarding behaviour.
        var asked = Directory.EnumerateFiles(Path.Combine(TestPaths.RepositoryRoot, "Apisix.Translation", "Manifests"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(file), @"\.(?:String|RequiredString|Long|Int|Number|Bool|RequiredBool|IntOrString|StringList|IntList|StringMap|Json|Object|List|Has|Take|RefuseEmptyList|Spec)\(""([A-Za-z_.-]+)""").Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.InRange(asked.Count, 150, 1000);
        Assert.Empty(asked.Where(name => !FieldNames.Known.Contains(name)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void RandomJsonDocuments_GiveTheSameNodesAsTheYamlParser()
    {
        var random = new Random(2026);
        var fast = 0;
        for (var i = 0; i < 2_000; i++)
        {
            // Some documents carry line breaks only YAML knows; those are declined and read as YAML.
            var text = new JsonWriter(random).Document();
            var fromText = JsonDocumentParser.TryParse(text);
            fast += fromText is null ? 0 : 1;
            Assert.Equal(Describe(YamlDocumentParser.Parse(text, jsonFastPath: false)), Describe(YamlDocumentParser.Parse(text)));

            // The UTF-8 entry (the webhook's) reads JSON as JSON: it takes what the text entry takes, with the
            // same nodes, and also the documents the text entry leaves to YAML only for their line breaks.
            var fromBytes = JsonDocumentParser.TryParse(Encoding.UTF8.GetBytes(text));
            if (fromText is not null)
            {
                Assert.Equal(Describe([fromText]), Describe([fromBytes!]));
            }
            else
            {
                Assert.Equal(HasYamlOnlyLineBreak(text), fromBytes is not null);
            }
        }

        Assert.InRange(fast, 500, 2_000);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("  \n\n{\"a\": [1, -2.5e-3, 1E+2, 0, 12345678901234567890, true, false, null, \"\"]}\n")]
    [InlineData("{\"s\": \"quote \\\" backslash \\\\ slash \\/ tab \\t nl \\n e \\u00e9 smile \\ud83d\\ude00 raw é\"}")]
    [InlineData("{\r\n  \"crlf\": {\r\n    \"x\": [\r\n      {}\r\n    ]\r\n  }\r\n}")]
    [InlineData("{\"apiVersion\": \"apisix.apache.org/v2\", \"kind\": \"ApisixRoute\", \"metadata\": {\"name\": \"r\"}}")]
    public void HandWrittenJson_GivesTheSameNodesAsTheYamlParser(string text) => AssertSameAsYaml(text);

    [Theory]
    [InlineData("{\"a\": 1, \"a\": 2}")] // duplicate key: the YAML parser's error
    [InlineData("{\"a\": 1}\n---\n{\"b\": 2}")] // a stream of documents
    [InlineData("{\"a\": 1} # comment")]
    [InlineData("{\"a\": 1,}")]
    [InlineData("{a: 1, b: [x, y]}")] // YAML flow style, not JSON
    [InlineData("{\"a\": 1")] // truncated
    [InlineData("[1, 2] trailing")]
    public void TextThatIsNotExactlyOneJsonValue_IsLeftToTheYamlParser(string text)
    {
        Assert.Null(JsonDocumentParser.TryParse(text));
        Assert.Null(JsonDocumentParser.TryParse(Encoding.UTF8.GetBytes(text)));
        Assert.Equal(Describe(YamlDocumentParser.Parse(text, jsonFastPath: false)), Describe(YamlDocumentParser.Parse(text)));
    }

    [Theory]
    [InlineData("{\"a\":\r\"b\"}", "b")] // a lone CR: a line break to YAML, white space to JSON
    [InlineData("{\"a\": \"x\u0085y\"}", "x\u0085y")] // NEL, LS and PS: YAML folds them inside quoted strings
    [InlineData("{\"a\": \"x\u2028y\"}", "x\u2028y")]
    [InlineData("{\"a\": \"x\u2029y\"}", "x\u2029y")]
    public void LineBreaksOnlyYamlKnows_AreYamlsAsText_AndKeptAsJsonBytes(string text, string value)
    {
        // Text goes to the YAML parser, which reads it as YAML always has.
        Assert.Null(JsonDocumentParser.TryParse(text));
        Assert.Equal(Describe(YamlDocumentParser.Parse(text, jsonFastPath: false)), Describe(YamlDocumentParser.Parse(text)));

        // The same document as UTF-8 JSON (what the API server sends the webhook) keeps its string as stored.
        var document = JsonDocumentParser.TryParse(Encoding.UTF8.GetBytes(text));
        var mapping = Assert.IsType<YamlMapping>(document!.Root);
        Assert.Equal(value, Assert.IsType<YamlScalar>(Assert.Single(mapping.Entries).Value).Value);
    }

    [Theory]
    [InlineData("{\"a\": {\"b\": [1, {\"c\": 2, \"c\": 3}]}}")]
    [InlineData("{\"a\": [1, 2, {\"b\": [true")]
    [InlineData("{\"a\": {\"b\": 1}} {\"c\": 2}")]
    public void ADocumentDeclinedHalfWay_LeavesNothingForTheNext(string declined)
    {
        // The builder is kept per thread: what the declined document left open must not end up in the next one.
        Assert.Null(JsonDocumentParser.TryParse(Encoding.UTF8.GetBytes(declined)));

        var document = JsonDocumentParser.TryParse(Encoding.UTF8.GetBytes("{\"x\": [1, {\"y\": \"z\"}]}"));

        var root = Assert.IsType<YamlMapping>(document!.Root);
        var (key, value) = Assert.Single(root.Entries);
        Assert.Equal("x", key.Value);
        var items = Assert.IsType<YamlSequence>(value).Items;
        Assert.Equal(2, items.Length);
        Assert.Equal("1", Assert.IsType<YamlScalar>(items[0]).Value);
        Assert.Equal("y", Assert.Single(Assert.IsType<YamlMapping>(items[1]).Entries).Key.Value);
        Assert.Equal(5, document.Nodes);
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(15, 14)]
    [InlineData(16, 15)]
    [InlineData(17, 0)]
    [InlineData(40, 39)]
    [InlineData(200_000, 199_999)]
    public void ADuplicateKey_IsFoundInSmallAndLargeMappings(int keys, int duplicateOf)
    {
        var text = new StringBuilder("{\"config\": {");
        for (var i = 0; i < keys; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"\"k{i}\": {i}, ");
        }

        var unique = Encoding.UTF8.GetBytes(text.ToString().TrimEnd(' ', ',') + "}}");
        var duplicated = Encoding.UTF8.GetBytes(text.Append(CultureInfo.InvariantCulture, $"\"k{duplicateOf}\": 0}}}}").ToString());

        // Both in the JSON reader and in the YAML parser, which share the tree builder. (With each key compared
        // to every earlier one, the 200,000-key case costs 2 x 10^10 comparisons; a set makes it linear.)
        Assert.Equal(keys, Assert.IsType<YamlMapping>(Assert.IsType<YamlMapping>(JsonDocumentParser.TryParse(unique)!.Root).Entries[0].Value).Entries.Length);
        Assert.Null(JsonDocumentParser.TryParse(duplicated));
        Assert.Contains("duplicate key 'k" + duplicateOf + "'", Assert.Single(YamlDocumentParser.Parse(Encoding.UTF8.GetString(duplicated), jsonFastPath: false)).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadJson_KeepsANelInAName_WhereReadFoldsIt()
    {
        const string text = "{\"apiVersion\": \"v1\", \"kind\": \"Service\", \"metadata\": {\"name\": \"s\u0085t\"}}";
        Assert.Equal("s\u0085t", Assert.Single(ManifestReader.ReadJson(Encoding.UTF8.GetBytes(text), "x.json").Objects).Name);
        Assert.Equal("s t", Assert.Single(ManifestReader.Read(text, "x.json").Objects).Name);
    }

    private static bool HasYamlOnlyLineBreak(string text) =>
        text.AsSpan().IndexOfAny('\u0085', '\u2028', '\u2029') >= 0 || text.Replace("\r\n", "\n", StringComparison.Ordinal).Contains('\r', StringComparison.Ordinal);

    [Theory]
    [InlineData("{\"apiVersion\": \"apisix.apache.org/v2\", \"kind\": \"ApisixRoute\", \"metadata\": {\"name\": \"r\"}, \"spec\": {\"http\": [{\"name\": \"a\", \"match\": {\"paths\": [\"/\"]}, \"backends\": [{\"serviceName\": \"s\", \"servicePort\": 80, \"weight\": \"x\"}]}]}}")]
    [InlineData("{\"apiVersion\": \"v1\", \"kind\": \"Service\", \"metadata\": {\"name\": \"s\", \"name\": \"t\"}}")] // duplicate key
    [InlineData("apiVersion: v1\nkind: Service\nmetadata: {name: s}\n")] // YAML given as bytes
    [InlineData("{\"kind\": 5}")]
    public void ReadJson_GivesWhatReadGives_ForTextWithoutYamlOnlyLineBreaks(string text)
    {
        var fromText = ManifestReader.Read(text, "x.json");
        var fromBytes = ManifestReader.ReadJson(Encoding.UTF8.GetBytes(text), "x.json");
        // Field lines are compared through the diagnostics (the index itself has no value equality).
        Assert.Equal(fromText.Objects.Select(o => o with { Lines = null }), fromBytes.Objects.Select(o => o with { Lines = null }));
        Assert.Equal(fromText.Diagnostics.Select(d => d.ToString()), fromBytes.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void ReadJson_ReadsInvalidUtf8AsTheTextItDecodesTo()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("{\"apiVersion\": \"v1\", \"kind\": \"Service\", \"metadata\": {\"name\": \"s"), 0xFF, .. Encoding.UTF8.GetBytes("\"}}")];
        Assert.Null(JsonDocumentParser.TryParse(bytes));
        var read = ManifestReader.ReadJson(bytes, "x.json");
        Assert.Equal(ManifestReader.Read(Encoding.UTF8.GetString(bytes), "x.json").Diagnostics.Select(d => d.ToString()), read.Diagnostics.Select(d => d.ToString()));
    }

    [Theory]
    [InlineData(YamlDocumentParser.MaxDepth - 1)]
    [InlineData(YamlDocumentParser.MaxDepth)]
    [InlineData(YamlDocumentParser.MaxDepth + 1)]
    public void NestingAroundTheLimit_EndsAsTheYamlParserEndsIt(int depth)
    {
        var text = new string('[', depth) + new string(']', depth);
        Assert.Equal(Describe(YamlDocumentParser.Parse(text, jsonFastPath: false)), Describe(YamlDocumentParser.Parse(text)));
    }

    [Fact]
    public void ReaderDiagnostics_NameTheSameLines_ForJsonInput()
    {
        const string text = "{\n  \"apiVersion\": \"apisix.apache.org/v2\",\n  \"kind\": \"ApisixRoute\",\n  \"metadata\": {\"name\": \"r\", \"namespace\": \"n\"},\n  \"spec\": {\n    \"http\": [{\"name\": \"a\", \"match\": {\"paths\": [\"/x\"]}, \"bogus\": 1,\n      \"backends\": [{\"serviceName\": \"s\", \"servicePort\": \"80x\"}]}]\n  }\n}\n";
        var read = ManifestReader.Read(text, "route.json");
        Assert.NotEmpty(read.Diagnostics);
        Assert.Contains(read.Diagnostics, d => d.Location?.Line == 6);
    }

    private static void AssertSameAsYaml(string text)
    {
        Assert.NotNull(JsonDocumentParser.TryParse(text));
        Assert.Equal(Describe(YamlDocumentParser.Parse(text, jsonFastPath: false)), Describe(YamlDocumentParser.Parse(text)));
    }

    /// <summary>Every node as one line: kind, line, text and quoting; documents with their line and error.</summary>
    private static string Describe(List<ParsedDocument> documents)
    {
        var text = new StringBuilder();
        foreach (var document in documents)
        {
            text.Append(CultureInfo.InvariantCulture, $"document line {document.Line} error {document.Error ?? "-"}\n");
            if (document.Root is not null)
            {
                Describe(document.Root, 1, text);
            }
        }

        return text.ToString();
    }

    private static void Describe(YamlNode node, int depth, StringBuilder text)
    {
        var indent = new string(' ', Math.Min(depth, 200));
        switch (node)
        {
            case YamlScalar scalar:
                text.Append(CultureInfo.InvariantCulture, $"{indent}scalar {scalar.Line} {(scalar.Quoted ? "quoted" : "plain")} [{scalar.Value}]\n");
                break;
            case YamlSequence sequence:
                text.Append(CultureInfo.InvariantCulture, $"{indent}sequence {sequence.Line}\n");
                foreach (var item in sequence.Items)
                {
                    Describe(item, depth + 1, text);
                }

                break;
            case YamlMapping mapping:
                text.Append(CultureInfo.InvariantCulture, $"{indent}mapping {mapping.Line}\n");
                foreach (var (key, value) in mapping.Entries)
                {
                    Describe(key, depth + 1, text);
                    Describe(value, depth + 2, text);
                }

                break;
        }
    }

    /// <summary>Random, valid JSON with the spacing, escapes and numbers real manifests have.</summary>
    private sealed class JsonWriter(Random random)
    {
        private static readonly string[] Spaces = ["", " ", "\n", "\n  ", "\r\n", "  \n    ", "\r", "\t"];
        private static readonly string[] Numbers = ["0", "-1", "42", "1.5", "-0.25", "1e3", "2E-2", "-3.5e+4", "12345678901234567890", "0.000001"];
        private static readonly string[] Pieces = ["\u0085", "\u2028", "\u2029", "\\u2028", "\\r", "a", "Z", "9", " ", "-", "_", "/", "é", "日本", "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\u00e9", "\\u0041", "\\ud83d\\ude00", "~", "#", ":", "{", "]", "null", "true", "0x1F"];
        private readonly StringBuilder _text = new();

        public string Document()
        {
            _text.Clear();
            Space();
            if (random.Next(2) == 0)
            {
                Object(0);
            }
            else
            {
                Array(0);
            }

            Space();
            return _text.ToString();
        }

        private void Space() => _text.Append(Spaces[random.Next(Spaces.Length)]);

        private void Value(int depth)
        {
            switch (depth > 5 ? random.Next(5) : random.Next(7))
            {
                case 0: String(); break;
                case 1: _text.Append(Numbers[random.Next(Numbers.Length)]); break;
                case 2: _text.Append(random.Next(2) == 0 ? "true" : "false"); break;
                case 3: _text.Append("null"); break;
                case 4: String(); break;
                case 5: Object(depth + 1); break;
                default: Array(depth + 1); break;
            }
        }

        private void String()
        {
            _text.Append('"');
            var length = random.Next(0, 6);
            for (var i = 0; i < length; i++)
            {
                _text.Append(Pieces[random.Next(Pieces.Length)]);
            }

            _text.Append('"');
        }

        private void Object(int depth) => Container('{', '}', i =>
        {
            _text.Append(CultureInfo.InvariantCulture, $"\"k{i}{(random.Next(4) == 0 ? "é" : string.Empty)}\"");
            Space();
            _text.Append(':');
            Space();
            Value(depth);
        });

        private void Array(int depth) => Container('[', ']', _ => Value(depth));

        private void Container(char open, char close, Action<int> item)
        {
            _text.Append(open);
            var count = random.Next(0, 5);
            for (var i = 0; i < count; i++)
            {
                Space();
                item(i);
                Space();
                if (i < count - 1)
                {
                    _text.Append(',');
                }
            }

            _text.Append(close);
        }
    }
}
