using System.Globalization;
using System.Runtime.CompilerServices;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Apisix.Translation.Validation;

/// <summary>
/// Evaluates a JSON Schema the way APISIX's validator (api7/jsonschema) does, which differs from a stock
/// validator on purpose: defaults are written into the config while <c>properties</c> are checked, before
/// <c>enum</c>/<c>const</c>, combinators, <c>if/then/else</c>, <c>dependencies</c> and <c>minProperties</c>
/// (but a required property's default does not make it present); an empty object also passes
/// <c>type: array</c> and an empty array <c>type: object</c>; patterns are unanchored;
/// <c>$secret://</c> and <c>$env://</c> strings skip string checks. <c>x-since</c>/<c>x-until</c> on a
/// property limit it to the APISIX versions that have it (a version without it does not require it either),
/// <c>x-required-until</c> requires it of the versions before the one named, and <c>x-checked-since</c> leaves
/// its value unchecked in them; <c>x-enum-since</c>/<c>x-enum-until</c> do the same for single enum values.
/// </summary>
internal sealed partial class SchemaEvaluator(ApisixVersion version, string plugin)
{
    /// <summary>Validates <paramref name="value"/> (changed in place: defaults are filled in).</summary>
    public List<SchemaFinding> Validate(JsonNode? value, JsonObject schema)
    {
        var findings = new List<SchemaFinding>();
        Check(value, CompiledSchema.Of(schema), string.Empty, findings);
        return findings;
    }

    private bool Check(JsonNode? value, CompiledSchema schema, string path, List<SchemaFinding> findings)
    {
        var before = findings.Count;
        if (!CheckType(value, schema, path, findings))
        {
            return false;
        }

        switch (value)
        {
            case JsonObject obj:
                CheckObject(obj, schema, path, findings);
                if (obj.Count == 0 && schema.ArrayKeywords)
                {
                    // An empty Lua table is an empty array too: the array keywords apply to it as well.
                    CheckArray(EmptyArray, schema, path, findings);
                }

                break;
            case JsonArray array:
                CheckArray(array, schema, path, findings);
                if (array.Count == 0 && schema.ObjectKeywords)
                {
                    // And an empty array an empty object (the defaults written into it go with it).
                    CheckObject([], schema, path, findings);
                }

                break;
            case JsonValue scalar when scalar.GetValueKind() == JsonValueKind.Number:
                CheckNumber(JsonValues.Double(scalar)!.Value, schema, path, findings);
                break;
            case JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String:
                CheckString(scalar.GetValue<string>(), schema, path, findings);
                break;
        }

        if (schema.RequiresEmptyTable && value is not (JsonObject { Count: 0 } or JsonArray { Count: 0 }))
        {
            // api7/jsonschema reads `required: []` as "nothing but an empty table".
            Fail(findings, path, $"must be empty (the schema's `required` is an empty list), got {TypeOf(value)}");
        }

        // After the object's checks, as in api7/jsonschema: enum and const see the defaults written into it.
        if (schema.Enum is { } choices && !Contains(choices, value))
        {
            Fail(findings, path, $"must be one of {string.Join(", ", choices.Select(c => c?.ToJsonString() ?? "null"))}, got {Show(value)}");
        }
        else if (ValueVersion(schema.EnumSince, value) is { } first && version < first)
        {
            Fail(findings, path, $"{Show(value)} is not a value of {plugin} before APISIX {first}");
        }
        else if (ValueVersion(schema.EnumUntil, value) is { } gone && version >= gone)
        {
            Fail(findings, path, $"{Show(value)} is not a value of {plugin} since APISIX {gone}");
        }

        CheckCombinators(value, schema, path, findings);

        if (schema.Const is { } constant && !JsonNode.DeepEquals(constant, value))
        {
            Fail(findings, path, $"must be {constant.ToJsonString()}, got {Show(value)}");
        }

        if (schema.Contains is { } contains)
        {
            CheckContains(value, contains, path, findings);
        }

        return findings.Count == before;
    }

    /// <summary>The version <paramref name="table"/> (<c>x-enum-since</c> or <c>x-enum-until</c>) gives the string <paramref name="value"/>.</summary>
    private static ApisixVersion? ValueVersion(JsonObject? table, JsonNode? value) =>
        table is not null && value?.GetValueKind() == JsonValueKind.String &&
        table[value.GetValue<string>()]?.ToString() is { } text && ApisixVersion.TryParse(text, out var at)
            ? at
            : null;

    /// <summary>Never changed: stands for an empty object checked as an array.</summary>
    private static readonly JsonArray EmptyArray = [];

    private bool CheckType(JsonNode? value, CompiledSchema schema, string path, List<SchemaFinding> findings)
    {
        if (schema.Types is not { } allowed)
        {
            return true;
        }

        foreach (var type in allowed)
        {
            if (HasType(value, type))
            {
                return true;
            }
        }

        Fail(findings, path, $"must be {string.Join(" or ", allowed.Select(Article))}, got {TypeOf(value)}");
        return false;
    }

    private static bool HasType(JsonNode? value, string type) => type switch
    {
        // A Lua table is both: an empty object passes "array" and an empty array passes "object".
        "object" => value is JsonObject || value is JsonArray { Count: 0 },
        "array" => value is JsonArray || value is JsonObject { Count: 0 },
        "string" => value?.GetValueKind() == JsonValueKind.String,
        "number" => value?.GetValueKind() == JsonValueKind.Number,
        // Lua's `n % 1 == 0`: an infinity (1e400 read by cjson) has a NaN remainder, so it is not an integer.
        "integer" => JsonValues.Double(value) is { } number && double.IsFinite(number) && number == Math.Floor(number),
        "boolean" => value?.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        "null" => value is null,
        _ => false,
    };

    private void CheckObject(JsonObject obj, CompiledSchema schema, string path, List<SchemaFinding> findings)
    {
        // Which dependencies' fields were given, not defaulted: api7/jsonschema applies a dependency of a
        // declared property only when the property was there before its default.
        var given = schema.Dependencies is { } dependencies ? GivenFields(obj, dependencies) : 0UL;
        var properties = schema.Properties ?? [];
        for (var index = 0; index < properties.Length; index++)
        {
            var property = properties[index];
            var name = property.Name;
            if (obj.TryGetPropertyValue(name, out var child))
            {
                var childPath = Join(path, name);
                if (!InVersion(property, childPath, findings))
                {
                    continue;
                }

                // A credential's value never goes into a message: the config may hold a Secret's data.
                _secret += property.Secret ? 1 : 0;
                try
                {
                    Check(child, schema.PropertySchemas![index], childPath, findings);
                }
                finally
                {
                    _secret -= property.Secret ? 1 : 0;
                }
            }
            else if (!property.Available(version))
            {
                // A field the version does not have is neither required of it nor defaulted.
            }
            else if (property.Required)
            {
                // Checked before the default is written, as api7/jsonschema does: a default does not make it present.
                Fail(findings, Join(path, name), $"`{name}` is required");
            }
            else if (property.RequiredUntil is { } until && version < until)
            {
                Fail(findings, Join(path, name), $"`{name}` is required before APISIX {until}");
            }
            else if (property.Default is not null)
            {
                // APISIX writes defaults into the config before anything below is evaluated.
                obj[name] = property.NewDefault();
            }
        }

        foreach (var name in schema.Required)
        {
            // Names `properties` does not declare, so no default of theirs: checked after the others' defaults.
            if (!obj.ContainsKey(name))
            {
                Fail(findings, Join(path, name), $"`{name}` is required");
            }
        }

        if (schema.PatternProperties is not null || schema.AdditionalProperties is not null)
        {
            CheckOtherProperties(obj, schema, path, findings);
        }

        if (schema.MinProperties is { } minProperties && obj.Count < minProperties)
        {
            Fail(findings, path, $"must have at least {minProperties} field(s)");
        }

        if (schema.MaxProperties is { } maxProperties && obj.Count > maxProperties)
        {
            Fail(findings, path, $"must have at most {maxProperties} field(s)");
        }

        var dependencyIndex = 0;
        foreach (var dependency in schema.Dependencies ?? [])
        {
            var present = dependencyIndex < 64 ? (given & (1UL << dependencyIndex)) != 0 : obj.ContainsKey(dependency.Name);
            dependencyIndex++;
            if (!present)
            {
                continue;
            }

            if (dependency.Needed is { } needed)
            {
                foreach (var other in needed)
                {
                    if (!obj.ContainsKey(other))
                    {
                        Fail(findings, Join(path, other), $"`{other}` is required when {dependency.Name} is set");
                    }
                }
            }
            else if (dependency.Schema is { } dependencySchema)
            {
                Check(obj, dependencySchema, path, findings);
            }
        }
    }

    /// <summary>One bit per dependency (the first 64) whose field <paramref name="obj"/> holds before any default is written.</summary>
    private static ulong GivenFields(JsonObject obj, CompiledSchema.Dependency[] dependencies)
    {
        var given = 0UL;
        for (var i = 0; i < dependencies.Length && i < 64; i++)
        {
            given |= obj.ContainsKey(dependencies[i].Name) ? 1UL << i : 0;
        }

        return given;
    }

    /// <summary><c>patternProperties</c> and <c>additionalProperties</c>, over a copy of the fields (checks may add defaults below them).</summary>
    private void CheckOtherProperties(JsonObject obj, CompiledSchema schema, string path, List<SchemaFinding> findings)
    {
        foreach (var (name, child) in obj.ToList())
        {
            var matched = schema.PropertyNames?.Contains(name) == true;
            foreach (var pattern in schema.PatternProperties ?? [])
            {
                if (pattern.Schema is not { } childSchema)
                {
                    continue;
                }

                var match = Match(name, pattern.Regex);
                if (match == RegexOutcome.TimedOut)
                {
                    // Not knowing is not "unknown field": say what happened, and check nothing else on it.
                    matched = true;
                    Fail(findings, Join(path, name), $"the field name could not be matched against {pattern.Pattern} within 1 s");
                }
                else if (match == RegexOutcome.Matched)
                {
                    matched = true;
                    Check(child, childSchema, Join(path, name), findings);
                }
            }

            if (!matched && schema.AdditionalProperties is not null)
            {
                if (schema.ClosedObject)
                {
                    Fail(findings, Join(path, name), $"`{name}` is not a known field");
                }
                else if (schema.AdditionalSchema is { } additionalSchema)
                {
                    Check(child, additionalSchema, Join(path, name), findings);
                }
            }
        }
    }

    private void CheckArray(JsonArray array, CompiledSchema schema, string path, List<SchemaFinding> findings)
    {
        if (schema.Items is { } itemSchema)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(array[i], itemSchema, $"{path}[{i}]", findings);
            }
        }
        else if (schema.TupleItems is { } tuple)
        {
            for (var i = 0; i < Math.Min(tuple.Length, array.Count); i++)
            {
                if (tuple[i] is { } positional)
                {
                    Check(array[i], positional, $"{path}[{i}]", findings);
                }
            }

            if (schema.NoAdditionalItems && array.Count > tuple.Length)
            {
                FailPlain(findings, $"{path}[{tuple.Length}]", $"is one item too many: the schema lists {tuple.Length} item(s) and allows no others");
            }
            else if (schema.AdditionalItems is { } extraSchema)
            {
                for (var i = tuple.Length; i < array.Count; i++)
                {
                    Check(array[i], extraSchema, $"{path}[{i}]", findings);
                }
            }
        }

        if (schema.MinItems is { } minItems && array.Count < minItems)
        {
            Fail(findings, path, $"must have at least {minItems} item(s), got {array.Count}");
        }

        if (schema.MaxItems is { } maxItems && array.Count > maxItems)
        {
            Fail(findings, path, $"must have at most {maxItems} item(s), got {array.Count}");
        }

        if (schema.UniqueItems)
        {
            // Items are compared only with earlier items of the same content hash: a list of 100,000 items in a
            // 3 MiB review would otherwise take 5 billion comparisons.
            Dictionary<int, List<int>>? byHash = array.Count > 16 ? [] : null;
            for (var i = 1; i < array.Count; i++)
            {
                if (byHash is null ? DuplicatesAnEarlierItem(array, i) : DuplicatesAnEarlierItem(array, i, byHash))
                {
                    FailPlain(findings, $"{path}[{i}]", "duplicates an earlier item");
                }
            }
        }
    }

    /// <summary>
    /// Whether item <paramref name="index"/> equals an earlier one, looking only at earlier items with the same
    /// <see cref="ContentHash"/> (equal items always have one); each item is filed under its hash as it is seen.
    /// </summary>
    private static bool DuplicatesAnEarlierItem(JsonArray array, int index, Dictionary<int, List<int>> byHash)
    {
        if (index == 1)
        {
            byHash[ContentHash(array[0], 0)] = [0];
        }

        var hash = ContentHash(array[index], 0);
        if (!byHash.TryGetValue(hash, out var earlier))
        {
            byHash[hash] = [index];
            return false;
        }

        foreach (var candidate in earlier)
        {
            if (JsonNode.DeepEquals(array[candidate], array[index]))
            {
                return true;
            }
        }

        earlier.Add(index);
        return false;
    }

    /// <summary>
    /// A hash that equal values (as <see cref="JsonNode.DeepEquals"/> compares them) share: a number by its value
    /// (1 and 1.0 alike), an object by its fields in any order, an array by its items in order. Deep values stop
    /// adding to it past a few levels, which only makes more candidates, never misses one.
    /// </summary>
    private static int ContentHash(JsonNode? node, int depth)
    {
        if (depth > 4)
        {
            return node?.GetValueKind().GetHashCode() ?? 0;
        }

        switch (node)
        {
            case null:
                return 0;
            case JsonObject obj:
                var fields = obj.Count;
                foreach (var (name, value) in obj)
                {
                    // A sum, so the order of the fields does not matter.
                    fields += HashCode.Combine(StringComparer.Ordinal.GetHashCode(name), ContentHash(value, depth + 1));
                }

                return HashCode.Combine(1, fields);
            case JsonArray items:
                var hash = new HashCode();
                hash.Add(2);
                foreach (var item in items)
                {
                    hash.Add(ContentHash(item, depth + 1));
                }

                return hash.ToHashCode();
            default:
                return node.GetValueKind() switch
                {
                    JsonValueKind.Number => JsonValues.Double(node)?.GetHashCode() ?? 3,
                    JsonValueKind.String => StringComparer.Ordinal.GetHashCode(node.GetValue<string>()),
                    var kind => kind.GetHashCode(),
                };
        }
    }

    private void CheckNumber(double number, CompiledSchema schema, string path, List<SchemaFinding> findings)
    {
        var minimum = schema.Minimum;
        var maximum = schema.Maximum;
        if ((minimum is { } min && number < min) || (maximum is { } max && number > max))
        {
            switch (minimum, maximum)
            {
                case ({ } low, { } high):
                    Fail(findings, path, $"must be between {Number(low)} and {Number(high)}, got {Show(number)}");
                    break;
                case ({ } low, null):
                    Fail(findings, path, $"must be at least {Number(low)}, got {Show(number)}");
                    break;
                default:
                    Fail(findings, path, $"must be at most {Number(maximum!.Value)}, got {Show(number)}");
                    break;
            }
        }

        if (schema.ExclusiveMinimum is { } exclusiveMin && number <= exclusiveMin)
        {
            Fail(findings, path, $"must be greater than {Number(exclusiveMin)}, got {Show(number)}");
        }

        if (schema.ExclusiveMaximum is { } exclusiveMax && number >= exclusiveMax)
        {
            Fail(findings, path, $"must be less than {Number(exclusiveMax)}, got {Show(number)}");
        }

        if (schema.MultipleOf is { } step && !IsMultiple(number, step))
        {
            Fail(findings, path, $"must be a multiple of {Number(step)}, got {Show(number)}");
        }
    }

    /// <summary>
    /// api7/jsonschema's test: for a whole step, Lua's floored remainder is 0; for a fractional one, the
    /// quotient has no fraction (so 0.3 is not a multiple of 0.1, as in Lua).
    /// </summary>
    private static bool IsMultiple(double number, double step) => step == Math.Floor(step)
        ? number - (Math.Floor(number / step) * step) == 0
        : number / step == Math.Truncate(number / step);

    /// <summary>
    /// api7/jsonschema's <c>contains</c>: an empty table never passes; a non-empty array passes when one of
    /// its items does (an object with fields has no items to fail).
    /// </summary>
    private void CheckContains(JsonNode? value, CompiledSchema contains, string path, List<SchemaFinding> findings)
    {
        if (value is JsonObject { Count: 0 } or JsonArray { Count: 0 })
        {
            FailPlain(findings, path, "must have an item that matches `contains`, and it is empty");
        }
        else if (value is JsonArray array && !AnyItemPasses(array, contains, path))
        {
            FailPlain(findings, path, "has no item that matches `contains`");
        }
    }

    private bool AnyItemPasses(JsonArray array, CompiledSchema schema, string path)
    {
        for (var i = 0; i < array.Count; i++)
        {
            if (Passes(array[i], schema, $"{path}[{i}]"))
            {
                return true;
            }
        }

        return false;
    }

    private void CheckString(string text, CompiledSchema schema, string path, List<SchemaFinding> findings)
    {
        // Secret and environment references are resolved at runtime, so their form is not checked (3.17+).
        if (text.StartsWith("$secret://", StringComparison.Ordinal) || text.StartsWith("$env://", StringComparison.Ordinal))
        {
            return;
        }

        if (schema.MinLength is not null || schema.MaxLength is not null)
        {
            var length = CharacterCount(text);
            if (schema.MinLength is { } minLength && length < minLength)
            {
                Fail(findings, path, $"must be at least {minLength} character(s) long, got {length}");
            }

            if (schema.MaxLength is { } maxLength && length > maxLength)
            {
                Fail(findings, path, $"must be at most {maxLength} character(s) long, got {length}");
            }
        }

        if (schema.Pattern is { } pattern)
        {
            switch (Match(text, schema.PatternRegex))
            {
                case RegexOutcome.NotMatched:
                    Fail(findings, path, $"{Quote(text)} does not match {pattern}");
                    break;
                case RegexOutcome.TimedOut:
                    Fail(findings, path, $"could not be matched against {pattern} within 1 s");
                    break;
            }
        }

        if (schema.Format is { } format && !FormatHolds(text, format))
        {
            Fail(findings, path, $"{Quote(text)} is not a valid {format}");
        }
    }

    /// <summary>The characters of <paramref name="text"/> as APISIX counts them (UTF-8 sequences, i.e. code points), without allocating.</summary>
    private static int CharacterCount(string text)
    {
        var length = text.Length;
        foreach (var c in text)
        {
            // The second half of a surrogate pair is part of the character before it.
            length -= char.IsLowSurrogate(c) ? 1 : 0;
        }

        return length;
    }

    private void CheckCombinators(JsonNode? value, CompiledSchema schema, string path, List<SchemaFinding> findings)
    {
        foreach (var branch in schema.AllOf ?? [])
        {
            Check(value, branch, path, findings);
        }

        if (schema.AnyOf is { } anyOf)
        {
            // api7/jsonschema stops at the first branch that passes: the later ones write no defaults.
            var attempts = Attempts(value, anyOf, path, enough: 1, out var passed);
            if (passed == 0)
            {
                Fail(findings, path, $"matches none of the allowed forms ({Closest(attempts!)})");
            }
        }

        if (schema.OneOf is { } oneOf)
        {
            // And at the second, for oneOf.
            var attempts = Attempts(value, oneOf, path, enough: 2, out var passed);
            if (passed == 0)
            {
                Fail(findings, path, $"matches none of the allowed forms ({Closest(attempts!)})");
            }
            else if (passed > 1)
            {
                Fail(findings, path, $"matches {passed} of the exclusive forms; it must match exactly one");
            }
        }

        // `if` before `not`, in api7/jsonschema's order (both are tried on the live value and may write defaults).
        if (schema.If is { } ifSchema)
        {
            var branch = Passes(value, ifSchema, path) ? schema.Then : schema.Else;
            if (branch is not null)
            {
                Check(value, branch, path, findings);
            }
        }

        if (schema.Not is { } notSchema && Passes(value, notSchema, path))
        {
            FailPlain(findings, path, "matches a form that is not allowed");
        }
    }

    // Loops rather than lambdas in what runs for every value: a lambda capturing the value would cost an
    // allocation on each call, used or not.
    private static bool Contains(JsonArray choices, JsonNode? value)
    {
        foreach (var choice in choices)
        {
            if (JsonNode.DeepEquals(choice, value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool DuplicatesAnEarlierItem(JsonArray array, int index)
    {
        for (var earlier = 0; earlier < index; earlier++)
        {
            if (JsonNode.DeepEquals(array[earlier], array[index]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Each branch tried in turn (on the live value, as APISIX does: defaults a branch fills in stay), and how
    /// many passed; the findings of every branch when none passed and the answer will be read, else null.
    /// </summary>
    /// <remarks>
    /// Branches that fill in no default are tried quietly: their findings are counted, not worded. Only when
    /// none passed and someone will read the answer are they tried again aloud (on the same value, which
    /// they did not change), for the words of the closest one.
    /// </remarks>
    private List<SchemaFinding>[]? Attempts(JsonNode? value, CompiledSchema[] branches, string path, int enough, out int passed)
    {
        if (_quiet == 0 && CompiledSchema.AnyWritesDefaults(branches))
        {
            // A branch that fills in defaults changes what the next one sees, and a second round would see
            // them all: such branches are tried once, aloud, so the words describe what was tried.
            passed = Try(value, branches, path, keep: true, enough, out var all);
            return passed > 0 ? null : all;
        }

        _quiet++;
        try
        {
            passed = Try(value, branches, path, keep: false, enough, out _);
        }
        finally
        {
            _quiet--;
        }

        if (passed > 0 || _quiet > 0)
        {
            return null;
        }

        Try(value, branches, path, keep: true, enough, out var attempts);
        return attempts;
    }

    /// <summary>
    /// Runs the branches in turn until <paramref name="enough"/> have passed; with <paramref name="keep"/>, keeps
    /// each tried branch's findings (for the message; a branch not tried has none).
    /// </summary>
    private int Try(JsonNode? value, CompiledSchema[] branches, string path, bool keep, int enough, out List<SchemaFinding>[] attempts)
    {
        var passed = 0;
        attempts = keep ? new List<SchemaFinding>[branches.Length] : [];
        for (var i = 0; i < branches.Length && passed < enough; i++)
        {
            var findings = keep ? [] : RentScratch();
            Check(value, branches[i], path, findings);
            passed += findings.Count == 0 ? 1 : 0;
            if (keep)
            {
                attempts[i] = findings;
            }
            else
            {
                ReturnScratch(findings);
            }
        }

        return passed;
    }

    /// <summary>True when <paramref name="value"/> passes <paramref name="branch"/> (tried on the live value).</summary>
    private bool Passes(JsonNode? value, CompiledSchema branch, string path)
    {
        // Nobody reads why a branch of if/not failed: it is tried quietly.
        _quiet++;
        var findings = RentScratch();
        try
        {
            Check(value, branch, path, findings);
            return findings.Count == 0;
        }
        finally
        {
            ReturnScratch(findings);
            _quiet--;
        }
    }

    /// <summary>More than zero while a value under an <c>x-secret</c> field is checked: its value is not shown.</summary>
    private int _secret;

    /// <summary>More than zero while a branch is only being tried: findings are counted, their messages not made.</summary>
    private int _quiet;

    /// <summary>True when findings will be read, so their messages are worth making.</summary>
    internal bool Aloud => _quiet == 0;

    // While a branch is only tried, a finding is only counted: one shared finding stands for each of them.
    private static readonly SchemaFinding QuietError = new(string.Empty, string.Empty);
    private static readonly SchemaFinding QuietWarning = new(string.Empty, string.Empty, IsWarning: true);

    private void FailPlain(List<SchemaFinding> findings, string path, string message) => findings.Add(Aloud ? new(path, message) : QuietError);

    private void Fail(List<SchemaFinding> findings, string path, [InterpolatedStringHandlerArgument("")] ref FindingMessage message) =>
        findings.Add(Aloud ? new(path, message.Text()) : QuietError);

    private void Warn(List<SchemaFinding> findings, string path, [InterpolatedStringHandlerArgument("")] ref FindingMessage message) =>
        findings.Add(Aloud ? new(path, message.Text(), IsWarning: true) : QuietWarning);

    /// <summary>
    /// A finding's message, put together only when it will be read: while a branch of anyOf, oneOf, if or not
    /// is only being tried, the values in it are not even formatted.
    /// </summary>
    [InterpolatedStringHandler]
    internal ref struct FindingMessage
    {
        private DefaultInterpolatedStringHandler _text;
        private readonly bool _wanted;

        public FindingMessage(int literalLength, int formattedCount, SchemaEvaluator evaluator, out bool wanted)
        {
            wanted = _wanted = evaluator.Aloud;
            _text = wanted ? new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture) : default;
        }

        public void AppendLiteral(string value) => _text.AppendLiteral(value);

        public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

        public void AppendFormatted(string? value) => _text.AppendFormatted(value);

        public string Text() => _wanted ? _text.ToStringAndClear() : string.Empty;
    }

    /// <summary>Finding lists for branch attempts, reused within one evaluation (an evaluator is used by one thread).</summary>
    private Stack<List<SchemaFinding>>? _scratch;

    private List<SchemaFinding> RentScratch() => _scratch?.TryPop(out var list) == true ? list : [];

    private void ReturnScratch(List<SchemaFinding> list)
    {
        list.Clear();
        (_scratch ??= new()).Push(list);
    }

    private static string Closest(List<SchemaFinding>[] attempts)
    {
        var best = attempts.Where(a => a is { Count: > 0 }).OrderBy(a => a.Count).FirstOrDefault();
        return best is null ? "no form given" : string.Join("; ", best.Take(2).Select(f => f.Path.Length == 0 ? f.Message : $"{f.Path}: {f.Message}"));
    }

    private bool InVersion(CompiledSchema.Property property, string path, List<SchemaFinding> findings)
    {
        if (property.Since is { } first && version < first)
        {
            Fail(findings, path, $"`{property.Name}` is not in {plugin} before APISIX {first}");
            return false;
        }

        if (property.Until is { } gone && version >= gone)
        {
            // Schemas without additionalProperties: false accept it, so APISIX ignores it rather than refusing.
            Warn(findings, path, $"`{property.Name}` is ignored by {plugin} since APISIX {gone}");
            return false;
        }

        // Declared where the validator does not look (outside `properties`), so any value passes.
        return !(property.CheckedSince is { } checkedFrom && version < checkedFrom);
    }

    private enum RegexOutcome
    {
        Matched,
        NotMatched,
        TimedOut,
    }

    /// <summary>An unanchored match; a pattern .NET cannot compile matches nothing, and one that runs past its time limit is reported as such.</summary>
    private static RegexOutcome Match(string text, Regex? pattern)
    {
        try
        {
            return pattern?.IsMatch(text) == true ? RegexOutcome.Matched : RegexOutcome.NotMatched;
        }
        catch (RegexMatchTimeoutException)
        {
            return RegexOutcome.TimedOut;
        }
    }
}
