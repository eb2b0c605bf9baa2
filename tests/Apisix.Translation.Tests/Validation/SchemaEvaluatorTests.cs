using System.Text.Json.Nodes;
using Apisix.Translation.Validation;

namespace Apisix.Translation.Tests.Validation;

/// <summary>The ways APISIX's validator differs from a stock JSON-Schema validator, on schemas written here.</summary>
public sealed class SchemaEvaluatorTests
{
    private static readonly string[] MyPlugin = ["my-plugin"];

    private const string LimitLike = """
        {
          "type": "object",
          "properties": {
            "count": { "type": "integer", "exclusiveMinimum": 0 },
            "policy": { "type": "string", "enum": ["local", "redis"], "default": "local" },
            "redis_host": { "type": "string", "minLength": 2 },
            "rejected_code": { "type": "integer", "minimum": 200, "maximum": 599, "default": 503 },
            "claims": { "type": "array", "x-since": "3.16" }
          },
          "required": ["count"],
          "if": { "properties": { "policy": { "enum": ["redis"] } } },
          "then": { "required": ["redis_host"] }
        }
        """;

    private static IReadOnlyList<PluginProblem> Check(string config, string version = "3.18", string? schema = null)
    {
        Assert.True(ApisixVersion.TryParse(version, out var parsed));
        var options = new ValidationOptions
        {
            Version = parsed,
            ExtraSchemas = EquatableMap<string>.From([new("limit-like", schema ?? LimitLike)]),
        };
        return PluginValidator.Validate("limit-like", JsonNode.Parse(config), "spec.http[0].plugins[2].config", "default", options);
    }

    [Fact]
    public void Defaults_AreFilledBeforeIfThen_SoAnAbsentPolicyIsLocal() => Assert.Empty(Check("""{"count": 1}"""));

    [Fact]
    public void IfThen_AppliesWhenThePolicyIsGiven()
    {
        var problem = Assert.Single(Check("""{"count": 1, "policy": "redis"}"""));
        Assert.Equal("spec.http[0].plugins[2].config.redis_host", problem.Path);
        Assert.Equal("`redis_host` is required", problem.Message);
    }

    [Fact]
    public void OutOfRange_NamesTheFieldAndTheBounds()
    {
        var problem = Assert.Single(Check("""{"count": 1, "rejected_code": 600}"""));
        Assert.Equal("spec.http[0].plugins[2].config.rejected_code", problem.Path);
        Assert.Equal("must be between 200 and 599, got 600", problem.Message);
    }

    [Fact]
    public void AnXSecretFieldsValue_IsNeverInAMessage_OtherFieldsValuesAre()
    {
        const string schema = """
            {
              "type": "object",
              "properties": {
                "token": { "type": "string", "pattern": "^tk-", "x-secret": true },
                "mode": { "enum": ["a", "b"], "x-secret": true },
                "pin": { "type": "integer", "maximum": 9, "x-secret": true },
                "url": { "type": "string", "format": "ipv4", "x-secret": true },
                "name": { "type": "string", "pattern": "^n-" }
              }
            }
            """;

        var problems = Check("""{"token": "hunter2-secret", "mode": "hunter3-secret", "pin": 424242, "url": "not a uri hunter4", "name": "visible-name"}""", schema: schema);

        Assert.Equal(5, problems.Count);
        Assert.All(problems, p => Assert.DoesNotContain("hunter", p.Message, StringComparison.Ordinal));
        Assert.All(problems, p => Assert.DoesNotContain("424242", p.Message, StringComparison.Ordinal));
        Assert.Equal("the value (not shown) does not match ^tk-", problems.Single(p => p.Path.EndsWith(".token", StringComparison.Ordinal)).Message);
        Assert.Equal("must be at most 9, got (a number, not shown)", problems.Single(p => p.Path.EndsWith(".pin", StringComparison.Ordinal)).Message);
        Assert.Equal("'visible-name' does not match ^n-", problems.Single(p => p.Path.EndsWith(".name", StringComparison.Ordinal)).Message);
    }

    [Fact]
    public void ExclusiveMinimum_IsNumeric() =>
        Assert.Equal("must be greater than 0, got 0", Assert.Single(Check("""{"count": 0}""")).Message);

    [Fact]
    public void WrongType_SaysBothTypes() =>
        Assert.Equal("must be an integer, got a string", Assert.Single(Check("""{"count": "1"}""")).Message);

    [Fact]
    public void AFieldNewerThanTheVersion_IsAnErrorNamingTheVersion()
    {
        Assert.Empty(Check("""{"count": 1, "claims": []}"""));
        var problem = Assert.Single(Check("""{"count": 1, "claims": []}""", "3.9"));
        Assert.Equal("`claims` is not in limit-like before APISIX 3.16", problem.Message);
    }

    [Theory]
    [InlineData("""{"type": "object"}""", "[]", true)]
    [InlineData("""{"type": "array"}""", "{}", true)]
    [InlineData("""{"type": "array"}""", """{"a": 1}""", false)]
    [InlineData("""{"required": ["a"]}""", "[]", false)]
    [InlineData("""{"type": "object", "minItems": 1}""", "{}", false)]
    [InlineData("""{"minItems": 1}""", """{"a": 1}""", true)]
    [InlineData("""{"required": ["a"]}""", "[1]", true)]
    public void EmptyLuaTables_AreBothObjectAndArray(string schema, string config, bool valid)
    {
        var wrapped = "{\"type\": \"object\", \"properties\": {\"v\": " + schema + "}}";
        Assert.Equal(valid, Check("{\"v\": " + config + "}", schema: wrapped).Count == 0);
    }

    // What api7/jsonschema (lib/jsonschema.lua) does that a stock validator does not, pinned on small schemas.
    private static bool Passes(string schema, string value) =>
        Check("{\"v\": " + value + "}", schema: "{\"type\": \"object\", \"properties\": {\"v\": " + schema + "}}").Count == 0;

    [Fact]
    public void ARequiredPropertysDefault_DoesNotMakeItPresent()
    {
        const string schema = """{"type": "object", "properties": {"h": {"type": "string", "default": "x"}, "g": {"default": 1}}, "required": ["h", "g", "u"]}""";
        var problems = Check("""{"u": 1}""", schema: schema);
        Assert.Equal(["config.g: `g` is required", "config.h: `h` is required"], problems.Select(p => $"{p.Path[(p.Path.LastIndexOf("config", StringComparison.Ordinal))..]}: {p.Message}").Order(StringComparer.Ordinal));
        Assert.Empty(Check("""{"h": "y", "g": 2, "u": 1}""", schema: schema));
    }

    [Theory]
    [InlineData("{}", true)]
    [InlineData("""{"a": 2}""", false)]
    [InlineData("""{"a": 2, "b": 3}""", true)]
    public void ADependency_AppliesWhenItsFieldWasGiven_NotWhenItWasDefaulted(string value, bool valid) =>
        Assert.Equal(valid, Passes("""{"type": "object", "properties": {"a": {"default": 1}, "b": {}}, "dependencies": {"a": ["b"]}}""", value));

    [Theory]
    [InlineData("""{"const": {"q": 1}, "properties": {"q": {"default": 1}}}""", "{}", true)]
    [InlineData("""{"enum": [{"q": 1}], "properties": {"q": {"default": 1}}}""", "{}", true)]
    [InlineData("""{"const": {"q": 1}, "properties": {"q": {"default": 2}}}""", "{}", false)]
    public void EnumAndConst_SeeTheDefaultsWrittenIntoTheObject(string schema, string value, bool valid) =>
        Assert.Equal(valid, Passes(schema, value));

    [Fact]
    public void AnyOf_StopsAtTheFirstBranchThatPasses_SoLaterBranchesWriteNoDefault() =>
        Assert.True(Passes("""{"anyOf": [{"type": "object"}, {"properties": {"q": {"default": 1}}}], "not": {"required": ["q"]}}""", "{}"));

    [Fact]
    public void IfWithoutThen_StillWritesItsDefaults_BeforeNotIsTried() =>
        Assert.False(Passes("""{"if": {"properties": {"q": {"default": 1}}}, "not": {"required": ["q"]}}""", "{}"));

    [Theory]
    [InlineData("{}", true)]
    [InlineData("[]", true)]
    [InlineData("""{"a": 1}""", false)]
    [InlineData("\"x\"", false)]
    public void AnEmptyRequiredList_AcceptsOnlyAnEmptyTable(string value, bool valid) =>
        Assert.Equal(valid, Passes("""{"required": []}""", value));

    [Theory]
    [InlineData("1.0", true)]
    [InlineData("1e2", true)]
    [InlineData("-0", true)]
    [InlineData("100000000000000000000", true)]
    [InlineData("1.5", false)]
    [InlineData("1e400", false)]
    [InlineData("\"1\"", false)]
    public void Integer_IsANumberWithoutFraction(string value, bool valid) => Assert.Equal(valid, Passes("""{"type": "integer"}""", value));

    [Theory]
    [InlineData("""{"type": "number"}""", "1e400", true)]
    [InlineData("""{"type": "number", "maximum": 10}""", "1e400", false)]
    [InlineData("""{"minimum": 0}""", "-0", true)]
    [InlineData("""{"exclusiveMinimum": 0}""", "-0", false)]
    [InlineData("""{"multipleOf": 2}""", "4", true)]
    [InlineData("""{"multipleOf": 2}""", "5", false)]
    [InlineData("""{"multipleOf": 0.5}""", "1.5", true)]
    [InlineData("""{"multipleOf": 0.5}""", "1.25", false)]
    public void NumberEdges(string schema, string value, bool valid) => Assert.Equal(valid, Passes(schema, value));

    [Theory]
    [InlineData("""{"enum": [1]}""", "1.0", true)]
    [InlineData("""{"enum": [[1, {"a": 2}]]}""", """[1.0, {"a": 2.0}]""", true)]
    [InlineData("""{"enum": [1]}""", "\"1\"", false)]
    [InlineData("""{"const": {"a": [1, 2]}}""", """{"a": [1, 2.0]}""", true)]
    [InlineData("""{"const": {"a": [1, 2]}}""", """{"a": [2, 1]}""", false)]
    [InlineData("""{"uniqueItems": true}""", "[1, 1.0]", false)]
    [InlineData("""{"uniqueItems": true}""", """[{"a": 1, "b": [2]}, {"b": [2], "a": 1.0}]""", false)]
    [InlineData("""{"uniqueItems": true}""", """[1, "1", {"a": 1}, {"a": "1"}]""", true)]
    public void Equality_IsNumericAndStructural(string schema, string value, bool valid) => Assert.Equal(valid, Passes(schema, value));

    [Theory]
    [InlineData("1", "1.0", false)]
    [InlineData("""{"a": 1, "b": [2]}""", """{"b": [2], "a": 1.0}""", false)]
    [InlineData("""{"a": 1}""", """{"a": "1"}""", true)]
    [InlineData("\"x\"", "\"x\"", false)]
    [InlineData("[1, [2, [3, [4, [5, [6]]]]]]", "[1, [2, [3, [4, [5, [6.0]]]]]]", false)]
    [InlineData("[1, [2, [3, [4, [5, [6]]]]]]", "[1, [2, [3, [4, [5, [7]]]]]]", true)]
    public void UniqueItems_InALongList_CompareAsInAShortOne(string first, string last, bool valid)
    {
        // Past 16 items the items are filed by a content hash; the verdicts must not change.
        var filler = string.Join(", ", Enumerable.Range(1000, 30));
        Assert.Equal(valid, Passes("""{"uniqueItems": true}""", $"[{first}, {filler}, {last}]"));
    }

    [Fact]
    public void UniqueItems_OverTwentyThousandItems_FindsTheOneDuplicate()
    {
        var items = Enumerable.Range(0, 20_000).Select(i => $"\"10.0.{i / 256}.{i % 256}\"").Append("\"10.0.3.7\"");
        var findings = new SchemaEvaluator(ApisixVersion.Latest, "test").Validate(JsonNode.Parse($"[{string.Join(", ", items)}]"), JsonNode.Parse("""{"uniqueItems": true}""")!.AsObject());

        Assert.Equal("[20000]", Assert.Single(findings).Path);
    }

    [Theory]
    [InlineData("\"日本語\"", true)]
    [InlineData("\"日本語x\"", false)]
    [InlineData("\"😀😀😀\"", true)]
    [InlineData("\"abcd\"", false)]
    public void StringLengths_CountCharactersNotBytesOrUtf16Units(string value, bool valid) =>
        Assert.Equal(valid, Passes("""{"type": "string", "maxLength": 3}""", value));

    [Theory]
    [InlineData("""{"propertyNames": {"pattern": "^a"}}""", """{"b": 1}""", true)]
    [InlineData("""{"contains": {"type": "string"}, "minContains": 2}""", """["a", 1]""", true)]
    [InlineData("""{"contains": {"type": "string"}}""", "[1, 2]", false)]
    [InlineData("""{"contains": {"type": "string"}}""", "[]", false)]
    [InlineData("""{"contains": {"type": "string"}}""", "{}", false)]
    [InlineData("""{"items": [{"type": "string"}], "additionalItems": false}""", """["a", 1]""", false)]
    [InlineData("""{"items": [{"type": "string"}], "additionalItems": false}""", """["a"]""", true)]
    [InlineData("""{"items": [{"type": "string"}], "additionalItems": {"type": "integer"}}""", """["a", 1, 2]""", true)]
    [InlineData("""{"items": [{"type": "string"}], "additionalItems": {"type": "integer"}}""", """["a", "b"]""", false)]
    [InlineData("""{"items": [{"type": "string"}, {"type": "integer"}]}""", """["a"]""", true)]
    [InlineData("""{"format": "uri"}""", "\"not a uri\"", true)]
    [InlineData("""{"format": "date-time"}""", "\"yesterday\"", true)]
    [InlineData("""{"type": "object", "patternProperties": {"^x-": {"type": "integer"}}, "additionalProperties": false}""", """{"x-a": 1, "my-x-a": 1}""", false)]
    [InlineData("""{"type": "object", "patternProperties": {"x-": {"type": "integer"}}, "additionalProperties": false}""", """{"x-a": 1, "my-x-a": 1}""", true)]
    public void Keywords_AsApi7ReadsThem(string schema, string value, bool valid) => Assert.Equal(valid, Passes(schema, value));

    [Theory]
    [InlineData("ipv4", "127.0.0.1", true)]
    [InlineData("ipv4", "0.0.0.0", true)]
    [InlineData("ipv4", "01.2.3.4", false)]
    [InlineData("ipv4", "1.2.3", false)]
    [InlineData("ipv4", "1.2.3.4.5", false)]
    [InlineData("ipv4", "256.1.1.1", false)]
    [InlineData("ipv4", "127.0.0.-1", false)]
    [InlineData("ipv4", " 1.2.3.4", false)]
    [InlineData("ipv6", "::1", true)]
    [InlineData("ipv6", "fe80:fe80:fe80:fe80:fe80:fe80:fe80:fe80", true)]
    [InlineData("ipv6", "::ffff:1.2.3.4", true)]
    [InlineData("ipv6", "fe80:fe80:fe80:fe80:fe80:fe80:fe80:fe80:1", false)]
    [InlineData("ipv6", "[::1]", false)]
    [InlineData("ipv6", "fe80::1%eth0", false)]
    [InlineData("ipv6", "g::", false)]
    [InlineData("ipv6", "", false)]
    [InlineData("hostname", "api-7.example.com", true)]
    [InlineData("hostname", "local host", false)]
    [InlineData("hostname", "under_score", false)]
    [InlineData("email", "foo.bar@mail.example.com", true)]
    [InlineData("email", "foo#bar.com", false)]
    [InlineData("email", "foo@bar.museum", false)]
    [InlineData("email", "foo@-.com", true)]
    [InlineData("email", "foo@.com", false)]
    [InlineData("email", "@bar.com", false)]
    [InlineData("uuid", "not-a-uuid", true)]
    public void Formats_AreCheckedAsApi7ChecksThem(string format, string text, bool holds) =>
        Assert.Equal(holds, SchemaEvaluator.FormatHolds(text, format));

    [Fact]
    public void Defaults_AreWrittenUnchecked_AndNestedOnesOnlyIntoAGivenParent()
    {
        var schema = JsonNode.Parse("""
            {"type": "object", "properties": {
              "a": {"type": "object", "default": {}, "properties": {"b": {"default": 1}}},
              "c": {"type": "integer", "default": "x"},
              "f": {"type": "boolean", "default": false}}}
            """)!.AsObject();
        var evaluator = new SchemaEvaluator(new ApisixVersion(3, 18), "p");

        var absent = new JsonObject();
        Assert.Empty(evaluator.Validate(absent, schema));
        Assert.Equal("""{"a":{},"c":"x","f":false}""", absent.ToJsonString());

        var given = new JsonObject { ["a"] = new JsonObject() };
        Assert.Empty(evaluator.Validate(given, schema));
        Assert.Equal("""{"a":{"b":1},"c":"x","f":false}""", given.ToJsonString());
    }

    [Fact]
    public void Meta_IsInjected_AndItsFilterMustBeAnExpression()
    {
        Assert.Empty(Check("""{"count": 1, "_meta": {"disable": false, "priority": 10, "filter": [["arg_x", "==", "1"]]}}"""));
        var problem = Assert.Single(Check("""{"count": 1, "_meta": {"filter": [["arg_x", "like", "1"]]}}"""));
        Assert.Equal("spec.http[0].plugins[2].config._meta.filter", problem.Path);
        Assert.Contains("unknown operator", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MetaPreFunction_IsDeniedByPolicy() =>
        Assert.Contains(Check("""{"count": 1, "_meta": {"pre_function": "return function() end"}}"""), p => p.Code == "CodeExecutionDenied");

    [Fact]
    public void UnknownPlugin_IsAnError_UnlessAllowed()
    {
        var options = ValidationOptions.Default;
        Assert.Equal("UnknownPlugin", Assert.Single(PluginValidator.Validate("my-plugin", new JsonObject(), "p", null, options)).Code);
        Assert.Empty(PluginValidator.Validate("my-plugin", new JsonObject(), "p", null, options with { AllowedPlugins = MyPlugin }));
    }

    [Fact]
    public void SecretReferences_SkipStringChecks() =>
        Assert.Empty(Check("""{"count": 1, "policy": "redis", "redis_host": "$secret://vault/redis/host"}"""));

    [Fact]
    public void CatastrophicPattern_EndsInAFinding_NotAnExceptionOrAHang()
    {
        const string schema = """{"type": "object", "properties": {"name": {"type": "string", "pattern": "^(a+)+$"}}}""";
        var problem = Assert.Single(Check($$"""{"name": "{{new string('a', 40)}}!"}""", schema: schema));
        Assert.Equal("spec.http[0].plugins[2].config.name", problem.Path);
        Assert.Equal("could not be matched against ^(a+)+$ within 1 s", problem.Message);
    }

    [Fact]
    public void CatastrophicPatternProperty_IsReportedAsSuch_NotAsAnUnknownField()
    {
        const string schema = """{"type": "object", "patternProperties": {"^(a+)+$": {"type": "string"}}, "additionalProperties": false}""";
        var name = new string('a', 40) + "!";
        var problem = Assert.Single(Check($$"""{"{{name}}": "x"}""", schema: schema));
        Assert.Equal($"spec.http[0].plugins[2].config.{name}", problem.Path);
        Assert.Equal("the field name could not be matched against ^(a+)+$ within 1 s", problem.Message);
    }

    [Fact]
    public void PropertyWithABooleanSchema_IsAKnownField_WhenAdditionalPropertiesIsFalse()
    {
        const string schema = """{"type": "object", "properties": {"anything": true, "count": {"type": "integer"}}, "additionalProperties": false}""";
        Assert.Empty(Check("""{"anything": [1, "x"], "count": 2}""", schema: schema));
        Assert.Equal("`other` is not a known field", Assert.Single(Check("""{"other": 1}""", schema: schema)).Message);
    }

    private const string Nested = """
        {
          "type": "object",
          "properties": {
            "mode": {
              "anyOf": [
                { "type": "object", "properties": { "n": { "oneOf": [ { "type": "integer", "minimum": 10 }, { "type": "string", "enum": ["auto"] } ] } }, "required": ["n"] },
                { "type": "string", "enum": ["off"] }
              ]
            },
            "both": { "oneOf": [ { "type": "integer" }, { "type": "number" } ] },
            "strict": { "not": { "type": "string" } }
          }
        }
        """;

    [Fact]
    public void BranchesThatAllFail_AreWordedInFull_EvenWhenTheClosestOneFailedAnInnerOneOf()
    {
        // The branches are first tried without wording their findings; the message must not show that.
        var problem = Assert.Single(Check("""{"mode": {"n": 3}}""", schema: Nested));
        Assert.Equal("spec.http[0].plugins[2].config.mode", problem.Path);
        Assert.Equal("matches none of the allowed forms (mode.n: matches none of the allowed forms (mode.n: must be at least 10, got 3))", problem.Message);
    }

    [Fact]
    public void QuietlyTriedBranches_StillDecide_PassTwiceAndNot()
    {
        Assert.Empty(Check("""{"mode": {"n": "auto"}, "strict": 1}""", schema: Nested));
        Assert.Empty(Check("""{"mode": "off"}""", schema: Nested));
        Assert.Equal("matches 2 of the exclusive forms; it must match exactly one", Assert.Single(Check("""{"both": 2}""", schema: Nested)).Message);
        Assert.Equal("matches a form that is not allowed", Assert.Single(Check("""{"strict": "x"}""", schema: Nested)).Message);
    }

    [Fact]
    public void BranchesThatFillInDefaults_AreWordedAsTried_NotAsLeftBehindByAnEarlierRound()
    {
        // The branch writes q's default into m. As the branch met m, q was not given, so q's dependency did not
        // apply; a second round would meet q and add "`r` is required when q is set" to the words.
        const string schema = """
            {
              "type": "object",
              "properties": {
                "m": { "anyOf": [ { "properties": { "q": { "default": 1 } }, "dependencies": { "q": ["r"] }, "minProperties": 5 } ] }
              }
            }
            """;
        var problem = Assert.Single(Check("""{"m": {}}""", schema: schema));
        Assert.Equal("matches none of the allowed forms (m: must have at least 5 field(s))", problem.Message);
    }

    [Theory]
    [InlineData("""{"type": "string"}""", false)]
    [InlineData("""{"properties": {"a": {"default": 1}}}""", true)]
    [InlineData("""{"properties": {"a": {"type": "object", "properties": {"b": {"default": "x"}}}}}""", true)]
    [InlineData("""{"items": {"properties": {"b": {"default": "x"}}}}""", true)]
    [InlineData("""{"if": {"properties": {"p": {"const": 1}}}, "then": {"properties": {"q": {"default": 2}}}}""", true)]
    [InlineData("""{"oneOf": [{"type": "string"}, {"properties": {"q": {"default": 2}}}]}""", true)]
    [InlineData("""{"patternProperties": {"^x": {"properties": {"q": {"default": 2}}}}}""", true)]
    [InlineData("""{"oneOf": [{"type": "string"}, {"type": "integer", "minimum": 1}], "required": ["a"]}""", false)]
    public void WritesDefaults_FindsADefaultAnywhereInsideTheSchema(string schema, bool writes) =>
        Assert.Equal(writes, CompiledSchema.Of(JsonNode.Parse(schema)!.AsObject()).WritesDefaults);

    [Theory]
    [InlineData("\"local\"")]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("503")]
    [InlineData("-1")]
    [InlineData("0.5")]
    [InlineData("1.0")]
    [InlineData("1e3")]
    [InlineData("9223372036854775808")]
    [InlineData("[\"a\", 1]")]
    [InlineData("{\"x\": {\"y\": 2}}")]
    public void NewDefault_IsAFreshCopyWithTheSameJson(string value)
    {
        var schema = JsonNode.Parse("""{"properties": {"p": {"default": """ + value + "}}}")!.AsObject();
        var property = CompiledSchema.Of(schema).Properties!.Single();

        var first = property.NewDefault();
        var second = property.NewDefault();

        Assert.NotSame(first, second);
        Assert.Null(first!.Parent);
        Assert.Equal(property.Default!.ToJsonString(), first.ToJsonString());
        Assert.True(JsonNode.DeepEquals(property.Default, first));
        Assert.Equal(property.Default.GetValueKind(), first.GetValueKind());
    }

    [Fact]
    public void NewDefault_OfEveryEmbeddedSchema_WritesTheSchemasJson()
    {
        var checkedDefaults = 0;
        foreach (var name in PluginSchemaRegistry.Names)
        {
            var plugin = PluginSchemaRegistry.Find(name)!;
            foreach (var root in new[] { plugin.Schema, plugin.ConsumerSchema })
            {
                foreach (var node in Descendants(root))
                {
                    if (node is JsonObject candidate && candidate["properties"] is JsonObject)
                    {
                        foreach (var property in CompiledSchema.Of(candidate).Properties ?? [])
                        {
                            if (property.Default is not null)
                            {
                                Assert.Equal(property.Default.ToJsonString(), property.NewDefault()!.ToJsonString());
                                checkedDefaults++;
                            }
                        }
                    }
                }
            }
        }

        Assert.True(checkedDefaults > 100, $"only {checkedDefaults} defaults found");
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode? node)
    {
        if (node is null)
        {
            yield break;
        }

        yield return node;
        var children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }
}
