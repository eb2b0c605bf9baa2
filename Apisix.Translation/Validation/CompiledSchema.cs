using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Apisix.Translation.Validation;

/// <summary>
/// The keywords of one schema object, read once: the evaluator would otherwise look up some twenty
/// keywords by name on every value it checks. Made on first use and kept as long as the schema lives.
/// Schemas are never changed once loaded (embedded or supplied, they are parsed once and only read); a
/// schema changed after its first use would keep being evaluated in its old form. Every field keeps the raw meaning of its keyword:
/// absent is null, and a keyword of the wrong JSON type counts as absent, as before.
/// </summary>
internal sealed class CompiledSchema
{
    private static readonly ConditionalWeakTable<JsonObject, CompiledSchema> Cache = [];

    private CompiledSchema(JsonObject schema)
    {
        var type = schema["type"];
        Types = type switch
        {
            null => null,
            JsonArray list => list.Select(t => t?.ToString() ?? string.Empty).ToArray(),
            _ => [type.ToString()],
        };
        Enum = schema["enum"] as JsonArray;
        EnumSince = schema["x-enum-since"] as JsonObject;
        EnumUntil = schema["x-enum-until"] as JsonObject;
        Const = schema["const"];

        var required = (schema["required"] as JsonArray ?? []).Select(r => r?.ToString() ?? string.Empty).ToArray();
        RequiresEmptyTable = schema["required"] is JsonArray { Count: 0 };
        if (schema["properties"] is JsonObject properties)
        {
            PropertyNames = properties.Select(p => p.Key).ToArray();
            Properties = properties
                .Where(p => p.Value is JsonObject)
                .Select(p => new Property(p.Key, (JsonObject)p.Value!, Version(p.Value!["x-since"]), Version(p.Value!["x-until"])) { Required = required.Contains(p.Key) })
                .ToArray();
            PropertySchemas = Properties.Select(p => Of(p.Schema)).ToArray();
        }

        Required = required.Where(name => Properties?.Any(p => p.Name == name) != true).ToArray();
        ObjectKeywords = schema["properties"] is not null || schema["additionalProperties"] is not null || schema["patternProperties"] is not null ||
            schema["minProperties"] is not null || schema["maxProperties"] is not null || schema["dependencies"] is not null || schema["required"] is not null;
        PatternProperties = (schema["patternProperties"] as JsonObject)?.Select(p => new PatternProperty(p.Key, RegexCheck.TryCompile(p.Key), OfOrNull(p.Value))).ToArray();
        AdditionalProperties = schema["additionalProperties"];
        AdditionalSchema = OfOrNull(AdditionalProperties);
        MinProperties = JsonValues.Int(schema["minProperties"]);
        MaxProperties = JsonValues.Int(schema["maxProperties"]);
        Dependencies = (schema["dependencies"] as JsonObject)?.Select(d => new Dependency(
            d.Key,
            (d.Value as JsonArray)?.Select(n => n?.ToString() ?? string.Empty).ToArray(),
            OfOrNull(d.Value))).ToArray();

        Items = OfOrNull(schema["items"]);
        TupleItems = (schema["items"] as JsonArray)?.Select(OfOrNull).ToArray();
        MinItems = JsonValues.Int(schema["minItems"]);
        MaxItems = JsonValues.Int(schema["maxItems"]);
        UniqueItems = JsonValues.Bool(schema["uniqueItems"]) == true;
        if (TupleItems is not null)
        {
            NoAdditionalItems = JsonValues.Bool(schema["additionalItems"]) == false;
            AdditionalItems = OfOrNull(schema["additionalItems"]);
        }

        ArrayKeywords = schema["items"] is not null || MinItems is not null || MaxItems is not null || UniqueItems;
        Contains = OfOrNull(schema["contains"]);
        MultipleOf = JsonValues.Double(schema["multipleOf"]) is > 0 and var step ? step : null;

        Minimum = JsonValues.Double(schema["minimum"]);
        Maximum = JsonValues.Double(schema["maximum"]);
        ExclusiveMinimum = JsonValues.Double(schema["exclusiveMinimum"]);
        ExclusiveMaximum = JsonValues.Double(schema["exclusiveMaximum"]);

        MinLength = JsonValues.Int(schema["minLength"]);
        MaxLength = JsonValues.Int(schema["maxLength"]);
        Pattern = schema["pattern"]?.ToString();
        PatternRegex = Pattern is null ? null : RegexCheck.TryCompile(Pattern);
        Format = schema["format"]?.ToString();

        AllOf = (schema["allOf"] as JsonArray)?.OfType<JsonObject>().Select(Of).ToArray();
        AnyOf = (schema["anyOf"] as JsonArray)?.OfType<JsonObject>().Select(Of).ToArray();
        OneOf = (schema["oneOf"] as JsonArray)?.OfType<JsonObject>().Select(Of).ToArray();
        Not = OfOrNull(schema["not"]);
        If = OfOrNull(schema["if"]);
        Then = OfOrNull(schema["then"]);
        Else = OfOrNull(schema["else"]);
    }

    /// <summary>A property schema with its default and the APISIX versions that have it.</summary>
    public sealed record Property(string Name, JsonObject Schema, ApisixVersion? Since, ApisixVersion? Until)
    {
        /// <summary>
        /// Named in the object's <c>required</c>. api7/jsonschema checks it when it comes to the property, before
        /// writing its default: a required property's default never satisfies <c>required</c>.
        /// </summary>
        public bool Required { get; init; }

        public JsonNode? Default { get; } = Schema["default"];

        /// <summary>From <c>x-secret</c>: the property holds a credential, whose value no message may show.</summary>
        public bool Secret { get; } = JsonValues.Bool(Schema["x-secret"]) == true;

        /// <summary>From <c>x-required-until</c>: the property is required in the APISIX versions before this one.</summary>
        public ApisixVersion? RequiredUntil { get; } = Version(Schema["x-required-until"]);

        /// <summary>From <c>x-checked-since</c>: the versions before this one accept any value of the property unchecked.</summary>
        public ApisixVersion? CheckedSince { get; } = Version(Schema["x-checked-since"]);

        /// <summary>A fresh copy of <see cref="Default"/> to write into a config (a node has one parent).</summary>
        /// <remarks>
        /// Strings, booleans and whole numbers are made as plain values, the same JSON as a clone of the
        /// parsed default without the parsed document behind it; anything else is cloned.
        /// </remarks>
        public JsonNode? NewDefault() => _plainDefault switch
        {
            string text => JsonValue.Create(text),
            bool flag => JsonValue.Create(flag),
            long integer => JsonValue.Create(integer),
            _ => Default?.DeepClone(),
        };

        private readonly object? _plainDefault = PlainValue(Schema["default"]);

        private static object? PlainValue(JsonNode? node) => node?.GetValueKind() switch
        {
            JsonValueKind.String => node.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            // Only a number whose text is exactly a long's ("1.0", "1e3" and "-0" are cloned as written).
            JsonValueKind.Number when node.ToJsonString() is var text &&
                long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var integer) &&
                integer.ToString(System.Globalization.CultureInfo.InvariantCulture) == text => integer,
            _ => null,
        };

        /// <summary>True when APISIX <paramref name="version"/> has the property.</summary>
        public bool Available(ApisixVersion version) => !(Since is { } first && version < first) && !(Until is { } gone && version >= gone);
    }

    /// <summary>A <c>patternProperties</c> entry; <see cref="Regex"/> is null for a pattern .NET cannot compile.</summary>
    public sealed record PatternProperty(string Pattern, Regex? Regex, CompiledSchema? Schema);

    /// <summary>A <c>dependencies</c> entry: names that must be present too, or a schema the object must pass.</summary>
    public sealed record Dependency(string Name, string[]? Needed, CompiledSchema? Schema);

    public string[]? Types { get; }

    public JsonArray? Enum { get; }

    public JsonObject? EnumSince { get; }

    /// <summary>From <c>x-enum-until</c>: enum values and the first APISIX version that no longer has each.</summary>
    public JsonObject? EnumUntil { get; }

    public JsonNode? Const { get; }

    public Property[]? Properties { get; }

    /// <summary>The compiled schema of each of <see cref="Properties"/>, at the same index.</summary>
    public CompiledSchema[]? PropertySchemas { get; }

    /// <summary>Every name under <c>properties</c>, whatever its schema (they all count as known fields).</summary>
    public string[]? PropertyNames { get; }

    /// <summary>The names in <c>required</c> that <see cref="Properties"/> does not declare (checked after the defaults are in).</summary>
    public string[] Required { get; }

    /// <summary>
    /// <c>required: []</c>: api7/jsonschema then accepts nothing but an empty table (an empty object or array).
    /// </summary>
    public bool RequiresEmptyTable { get; }

    /// <summary>The schema has a keyword api7/jsonschema checks on objects (an empty array is checked as an object too).</summary>
    public bool ObjectKeywords { get; }

    /// <summary>The schema has a keyword api7/jsonschema checks on arrays (an empty object is checked as an array too).</summary>
    public bool ArrayKeywords { get; }

    public PatternProperty[]? PatternProperties { get; }

    public JsonNode? AdditionalProperties { get; }

    /// <summary><c>additionalProperties</c> when it is a schema.</summary>
    public CompiledSchema? AdditionalSchema { get; }

    /// <summary>True when <c>additionalProperties: false</c>.</summary>
    public bool ClosedObject => AdditionalProperties?.GetValueKind() == JsonValueKind.False;

    public int? MinProperties { get; }

    public int? MaxProperties { get; }

    public Dependency[]? Dependencies { get; }

    public CompiledSchema? Items { get; }

    /// <summary>The positional form of <c>items</c>; an entry that is not a schema is null.</summary>
    public CompiledSchema?[]? TupleItems { get; }

    /// <summary><c>additionalItems</c> as a schema, read beside the positional form of <c>items</c> only.</summary>
    public CompiledSchema? AdditionalItems { get; }

    /// <summary><c>additionalItems: false</c> beside the positional form of <c>items</c>.</summary>
    public bool NoAdditionalItems { get; }

    /// <summary><c>contains</c> as a schema (api7/jsonschema has no minContains or maxContains).</summary>
    public CompiledSchema? Contains { get; }

    /// <summary><c>multipleOf</c>, when a positive number.</summary>
    public double? MultipleOf { get; }

    public int? MinItems { get; }

    public int? MaxItems { get; }

    public bool UniqueItems { get; }

    public double? Minimum { get; }

    public double? Maximum { get; }

    public double? ExclusiveMinimum { get; }

    public double? ExclusiveMaximum { get; }

    public int? MinLength { get; }

    public int? MaxLength { get; }

    public string? Pattern { get; }

    /// <summary>The pattern compiled once; null when it does not compile (then nothing matches it).</summary>
    public Regex? PatternRegex { get; }

    public string? Format { get; }

    public CompiledSchema[]? AllOf { get; }

    public CompiledSchema[]? AnyOf { get; }

    public CompiledSchema[]? OneOf { get; }

    public CompiledSchema? Not { get; }

    public CompiledSchema? If { get; }

    public CompiledSchema? Then { get; }

    public CompiledSchema? Else { get; }

    /// <summary>0 not yet known, 1 no, 2 yes: <see cref="WritesDefaults"/>, worked out on first use.</summary>
    private int _writesDefaults;

    /// <summary>True when checking a value against this schema may fill in a default somewhere inside the value.</summary>
    public bool WritesDefaults
    {
        get
        {
            if (_writesDefaults == 0)
            {
                _writesDefaults = FindsDefault() ? 2 : 1;
            }

            return _writesDefaults == 2;
        }
    }

    /// <summary>True when any of <paramref name="schemas"/> may fill in a default.</summary>
    public static bool AnyWritesDefaults(CompiledSchema[] schemas)
    {
        foreach (var schema in schemas)
        {
            if (schema.WritesDefaults)
            {
                return true;
            }
        }

        return false;
    }

    private bool FindsDefault()
    {
        if (Properties?.Any(p => p.Default is not null) == true)
        {
            return true;
        }

        IEnumerable<CompiledSchema?> children =
        [
            Items, Not, If, Then, Else, AdditionalSchema, AdditionalItems, Contains,
            .. PropertySchemas ?? [], .. AllOf ?? [], .. AnyOf ?? [], .. OneOf ?? [], .. TupleItems ?? [],
            .. PatternProperties?.Select(p => p.Schema) ?? [],
            .. Dependencies?.Select(d => d.Schema) ?? [],
        ];
        return children.Any(child => child is not null && child.WritesDefaults);
    }

    /// <summary>The compiled form of <paramref name="schema"/>, made once per schema object.</summary>
    /// <remarks>
    /// Compiling a schema compiles every schema inside it, so that the evaluator goes from a schema to its
    /// parts by reference rather than by a table lookup per value.
    /// </remarks>
    public static CompiledSchema Of(JsonObject schema) => Cache.GetValue(schema, static s => new CompiledSchema(s));

    private static CompiledSchema? OfOrNull(JsonNode? node) => node is JsonObject schema ? Of(schema) : null;

    /// <summary>True when the schema names <paramref name="type"/> (or names no type at all).</summary>
    public bool AllowsType(string type) => Types is null || Types.Contains(type);

    private static ApisixVersion? Version(JsonNode? node) =>
        node?.ToString() is { } text && ApisixVersion.TryParse(text, out var version) ? version : null;
}
