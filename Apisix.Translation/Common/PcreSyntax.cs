namespace Apisix.Translation;

/// <summary>
/// Whether PCRE2 compiles a regular expression the way APISIX compiles it, without compiling it: OpenResty's
/// <c>ngx.re</c> with the "jo" flags (lua-resty-expr's <c>~~</c> and <c>~*</c>, proxy-rewrite's <c>regex_uri</c>, ...).
/// So UTF mode is off unless the pattern starts with <c>(*UTF)</c> (a character above \xff, as <c>\x{263a}</c>, is then
/// too large, and non-ASCII text in the pattern counts as its UTF-8 bytes), and extended mode is off unless
/// <c>(?x)</c> turns it on.
/// <para>It follows PCRE2 10.42, the version Debian 12 and the OpenResty builds of APISIX 3.x link: where later
/// versions differ it takes 10.42's side (10.43 accepts variable-length lookbehinds and <c>{,3}</c> as a quantifier;
/// 10.42 rejects the first and reads the second as literal text). Error numbers are PCRE2's less 100, as pcre2test
/// prints them, and the wording is PCRE2's.</para>
/// <para>One recursive-descent pass over the pattern. It allocates nothing for a valid pattern without names or
/// forward references: the error message, the list of group names and the references still to be resolved at the
/// end are made only when needed. A back reference or subroutine call inside a lookbehind needs the length of the
/// group it names, which may come later in the pattern: that rare case parses the pattern once more to measure it.</para>
/// </summary>
internal static partial class PcreSyntax
{
    /// <summary>Null when PCRE2 compiles the pattern; otherwise its complaint and the 0-based offset, e.g. "missing closing parenthesis at offset 7".</summary>
    public static string? Error(string pattern) =>
        Diagnose(pattern) is { } failure ? $"{Message(failure.Code)} at offset {failure.Offset}" : null;

    /// <summary>PCRE2's error number less 100 and the offset (in UTF-16 units) of a pattern it rejects; null when it compiles.</summary>
    internal static (int Code, int Offset)? Diagnose(string pattern) => new Parser(pattern, default).Run();

    private static string Message(int code) => code switch
    {
        TooComplex => "too many references inside lookbehinds to check offline (simplify the pattern)",
        1 => @"\ at end of pattern",
        2 => @"\c at end of pattern",
        3 => @"unrecognized character follows \",
        4 => "numbers out of order in {} quantifier",
        5 => "number too big in {} quantifier",
        6 => "missing terminating ] for character class",
        7 => "escape sequence is invalid in character class",
        8 => "range out of order in character class",
        9 => "quantifier does not follow a repeatable item",
        11 => "unrecognized character after (? or (?-",
        12 => "POSIX named classes are supported only within a class",
        13 => "POSIX collating elements are not supported",
        14 => "missing closing parenthesis",
        15 => "reference to non-existent subpattern",
        18 => "missing ) after (?# comment",
        19 => "parentheses are too deeply nested",
        22 => "unmatched closing parenthesis",
        24 => "missing closing parenthesis for condition",
        25 => "lookbehind assertion is not fixed length",
        26 => "a relative value of zero is not allowed",
        27 => "conditional subpattern contains more than two branches",
        28 => "assertion expected after (?( or (?(?C)",
        29 => "digit expected after (?+ or (?-",
        30 => "unknown POSIX class name",
        34 => @"character code point value in \x{} or \o{} is too large",
        36 => @"\C is not allowed in a lookbehind assertion in UTF-8 mode",
        37 => @"PCRE2 does not support \F, \L, \l, \N{name}, \U, or \u",
        38 => "number after (?C is greater than 255",
        39 => "closing parenthesis for (?C expected",
        41 => "unrecognized character after (?P",
        42 => "syntax error in subpattern name (missing terminator?)",
        43 => "two named subpatterns have the same name (PCRE2_DUPNAMES not set)",
        44 => "subpattern name must start with a non-digit",
        46 => @"malformed \P or \p sequence",
        47 => @"unknown property after \P or \p",
        48 => "subpattern name is too long (maximum 32 code units)",
        50 => "invalid range in character class",
        51 => @"octal value is greater than \377 in 8-bit non-UTF-8 mode",
        54 => "DEFINE subpattern contains more than one branch",
        55 => @"missing opening brace after \o",
        57 => @"\g is not followed by a braced, angle-bracketed, or quoted name/number or by a plain number",
        58 => "(?R (recursive pattern call) must be followed by a closing parenthesis",
        60 => "(*VERB) not recognized or malformed",
        61 => "subpattern number is too big",
        62 => "subpattern name expected",
        64 => @"non-octal character in \o{} (closing brace missing?)",
        65 => "different names for subpatterns of the same number are not allowed",
        66 => "(*MARK) must have an argument",
        67 => @"non-hex character in \x{} (closing brace missing?)",
        68 => @"\c must be followed by a printable ASCII character",
        69 => @"\k is not followed by a braced, angle-bracketed, or quoted name",
        71 => @"\N is not supported in a class",
        73 => "disallowed Unicode code point (>= 0xd800 && <= 0xdfff)",
        76 => "name is too long in (*MARK), (*PRUNE), (*SKIP), or (*THEN)",
        78 => @"digits missing in \x{} or \o{} or \N{U+}",
        79 => "syntax error or number too big in (?(VERSION condition",
        81 => "missing terminating delimiter for callout with string argument",
        82 => "unrecognized string delimiter follows (?C",
        87 => "lookbehind assertion is too long",
        93 => @"\N{U+dddd} is supported only in Unicode (UTF) mode",
        94 => "invalid hyphen in option setting",
        95 => "(*alpha_assertion) not recognized",
        97 => "too many capturing groups (maximum 65535)",
        98 => "atomic assertion expected after (?( or (?(?C)",
        99 => @"\K is not allowed in lookarounds (but see PCRE2_EXTRA_ALLOW_LOOKAROUND_BSK)",
        _ => $"error {100 + code}",
    };

    [Flags]
    private enum Options
    {
        None = 0,
        Extended = 1,
        ExtendedMore = 2,
        NoAutoCapture = 4,
        DupNames = 8,
    }

    private enum Newline { Lf, Cr, CrLf, AnyCrLf, Any, Nul }

    private enum GroupKind { Plain, Capture, BranchReset, Lookahead, Lookbehind, Conditional }

    private enum Escape
    {
        Failed,
        /// <summary>A character given by its code (\x41, \n, \101): one code unit.</summary>
        Code,
        /// <summary>A pattern character escaped for itself (\., \é): in non-UTF mode, as many code units as its UTF-8 bytes.</summary>
        Literal,
        /// <summary>\d \s \w \h \v and their negations: one character, never a range end.</summary>
        Set,
        /// <summary>\p and \P, whose property name the caller reads: one character, never a range end.</summary>
        Property,
        /// <summary>\b \B \A \z \Z \G: zero width, not repeatable.</summary>
        Assertion,
        /// <summary>\K.</summary>
        Reset,
        /// <summary>\R and \X: variable length.</summary>
        Variable,
        /// <summary>\N: any character but a newline.</summary>
        NotNewline,
        /// <summary>\C: one code unit.</summary>
        DataUnit,
        Quote,
        EndQuote,
        BackReference,
        NamedBackReference,
        Call,
        NamedCall,
        /// <summary>\k inside a class, which PCRE2 does not allow there.</summary>
        NameReferenceInClass,
    }

    private enum RangeState { None, CanStart, Started }

    private enum PendingKind { Number, Name, RecursionTest }

    /// <summary>A group name: its place in the pattern and the group's number.</summary>
    private readonly record struct GroupName(int Start, int Length, int Number);

    /// <summary>A reference that names a group not (yet) seen; it must exist by the end of the pattern.</summary>
    private readonly record struct Pending(PendingKind Kind, int Number, int NameStart, int NameLength, int Offset);

    /// <summary>What a measuring parse looks for: a group by number or name, for a reference made at RequestAt.</summary>
    private readonly record struct Target(int Number, int NameStart, int NameLength, int RequestAt, int Depth, MeasureBudget? Budget = null);

    /// <summary>
    /// How much re-parsing the measurements of one pattern may do in all, shared by every parse they start: each
    /// reference inside a lookbehind parses the pattern again, so a short pattern with many of them would
    /// otherwise take exponential time (a webhook must not be that easy to stall).
    /// </summary>
    private sealed class MeasureBudget(int characters)
    {
        public int Left = characters;

        public bool Exhausted;
    }

    /// <summary>The re-parsing allowed for one pattern: a million characters, so a few milliseconds at most.</summary>
    private const int MeasureCharacters = 1 << 20;

    /// <summary>Our own code (not PCRE2's) for a pattern whose lookbehinds need more measuring than the budget allows.</summary>
    private const int TooComplex = 1000;

    private struct Parser
    {
        /// <summary>A length that is not fixed.</summary>
        private const int Variable = -1;
        /// <summary>Parsing stopped: _error says why.</summary>
        private const int Failed = -2;
        /// <summary>A measured group that does not exist.</summary>
        private const int NoSuchGroup = -3;
        private const int MaxLength = 1 << 20;
        private const int MaxLookbehind = 65535;
        private const int MaxRepeat = 65535;
        private const int MaxGroupNumber = 65535;
        private const int MaxNesting = 250;
        private const int MaxNameUnits = 32;
        private const int MaxVerbName = 255;
        private const int MaxMeasureDepth = 8;
        private const int Unlimited = int.MaxValue;

        private readonly string _p;
        private readonly Target _target;
        private int _pos;
        private bool _utf;
        private Newline _newline;
        private Options _options;
        private int _groups;
        private int _nesting;
        private int _lookarounds;
        /// <summary>Lengths count here: inside a lookbehind (or, when measuring, inside the target group).</summary>
        private bool _lengthsCount;
        private int _expectConditionAssertion;
        private bool _sawBranchReset;
        private List<GroupName>? _names;
        private List<Pending>? _pending;
        private (int Code, int Offset) _error;
        // Failures PCRE2 finds after the parse, in the order it looks for them: lookbehind lengths, then
        // references and \K in lookarounds, then the branch counts of conditional groups.
        // Each keeps the failure that comes first by its key: the offset of the item at fault.
        private (int Code, int Offset, int Key) _lookbehindFailure;
        private (int Code, int Offset, int Key) _referenceFailure;
        private (int Code, int Offset, int Key) _branchFailure;
        /// <summary>Where the last sequence parsed stopped having a fixed length (-1 if it did not).</summary>
        private int _firstVariable;
        /// <summary>The item just parsed was (*ACCEPT) or (*FAIL): what follows in its branch adds no length.</summary>
        private bool _endsBranch;
        private int _targetsSeen;
        private int _measured;
        private MeasureBudget? _budget;

        public Parser(string pattern, Target target)
        {
            _p = pattern;
            _target = target;
        }

        private readonly bool Measuring => _target.Depth > 0;

        private readonly int End => _p.Length;

        public (int Code, int Offset)? Run()
        {
            if (!StartOptions() || Alternatives(GroupKind.Plain, 0, out _) == Failed)
            {
                return _error;
            }

            if (_pos < End)
            {
                return (22, _pos);
            }

            ResolvePending();
            if (!Measuring && _budget is { Exhausted: true })
            {
                return (TooComplex, 0);
            }

            foreach (var failure in (ReadOnlySpan<(int Code, int Offset, int Key)>)[_lookbehindFailure, _referenceFailure, _branchFailure])
            {
                if (failure.Code != 0)
                {
                    return (failure.Code, failure.Offset);
                }
            }

            return null;
        }

        private int Fail(int code, int offset)
        {
            _error = (code, offset);
            return Failed;
        }

        private readonly void Record(ref (int Code, int Offset, int Key) slot, int code, int offset, int key = -1)
        {
            key = key < 0 ? offset : key;
            if (!Measuring && (slot.Code == 0 || key < slot.Key))
            {
                slot = (code, offset, key);
            }
        }

        // ---- Leading (*UTF), (*CR), (*LIMIT_MATCH=n)... settings --------------------------------------------

        private static readonly string[] StartSettings =
        [
            "UTF8)", "UTF)", "UCP)", "NOTEMPTY)", "NOTEMPTY_ATSTART)", "NO_AUTO_POSSESS)", "NO_DOTSTAR_ANCHOR)", "NO_JIT)",
            "NO_START_OPT)", "LIMIT_HEAP=", "LIMIT_MATCH=", "LIMIT_DEPTH=", "LIMIT_RECURSION=", "CR)", "LF)", "CRLF)", "ANY)",
            "NUL)", "ANYCRLF)", "BSR_ANYCRLF)", "BSR_UNICODE)",
        ];

        private bool StartOptions()
        {
            while (End - _pos > 2 && _p[_pos] == '(' && _p[_pos + 1] == '*')
            {
                var name = StartSetting(_p.AsSpan(_pos + 2));
                if (name is null)
                {
                    return true;
                }

                _pos += 2 + name.Length;
                if (name.EndsWith('='))
                {
                    if (!LimitValue())
                    {
                        return false;
                    }

                    continue;
                }

                switch (name)
                {
                    case "UTF8)" or "UTF)": _utf = true; break;
                    case "CR)": _newline = Newline.Cr; break;
                    case "LF)": _newline = Newline.Lf; break;
                    case "CRLF)": _newline = Newline.CrLf; break;
                    case "ANY)": _newline = Newline.Any; break;
                    case "ANYCRLF)": _newline = Newline.AnyCrLf; break;
                    case "NUL)": _newline = Newline.Nul; break;
                }
            }

            return true;
        }

        private static string? StartSetting(ReadOnlySpan<char> text)
        {
            foreach (var setting in StartSettings)
            {
                if (text.StartsWith(setting, StringComparison.Ordinal))
                {
                    return setting;
                }
            }

            return null;
        }

        /// <summary>The digits and ')' of (*LIMIT_MATCH=n) and its kin: a 32-bit number, read as PCRE2 reads it.</summary>
        private bool LimitValue()
        {
            if (_pos >= End || !char.IsAsciiDigit(_p[_pos]))
            {
                Fail(60, _pos);
                return false;
            }

            long value = 0;
            while (_pos < End && char.IsAsciiDigit(_p[_pos]) && value <= uint.MaxValue / 10 - 1)
            {
                value = value * 10 + _p[_pos++] - '0';
            }

            if (_pos >= End || _p[_pos++] != ')')
            {
                Fail(60, _pos);
                return false;
            }

            return true;
        }

        // ---- Alternatives and sequences ---------------------------------------------------------------------

        /// <summary>
        /// Branches separated by '|' up to a ')' or the end, which it leaves for the caller. Returns the length all
        /// branches share, or Variable. In a lookbehind each branch must have a fixed length of its own.
        /// </summary>
        private int Alternatives(GroupKind kind, int groupStart, out int branches)
        {
            branches = 0;
            var common = 0;
            var firstVariable = -1;
            var firstNumber = _groups;
            var mostGroups = _groups;
            while (true)
            {
                var length = Sequence();
                if (length == Failed)
                {
                    return Failed;
                }

                branches++;
                if (kind == GroupKind.Lookbehind && !Measuring)
                {
                    CheckLookbehindBranch(length, groupStart, _firstVariable);
                }

                common = branches == 1 || length == common ? length : Variable;
                firstVariable = firstVariable < 0 || (_firstVariable >= 0 && _firstVariable < firstVariable) ? _firstVariable : firstVariable;
                mostGroups = Math.Max(mostGroups, _groups);
                if (_pos >= End || _p[_pos] != '|')
                {
                    break;
                }

                _pos++;
                if (kind == GroupKind.BranchReset)
                {
                    _groups = firstNumber;
                }
            }

            _groups = mostGroups;
            _firstVariable = firstVariable;
            return common;
        }

        // PCRE2 10.42 (as before 10.43) wants each top-level branch of a lookbehind to have a fixed length; the
        // branches may differ from each other, but groups nested in a branch may not have branches of other lengths.
        private void CheckLookbehindBranch(int length, int groupStart, int variableAt)
        {
            if (length == Variable)
            {
                Record(ref _lookbehindFailure, 25, groupStart, variableAt);
            }
            else if (length > MaxLookbehind)
            {
                Record(ref _lookbehindFailure, 87, groupStart);
            }
        }

        /// <summary>Items and their quantifiers up to '|', ')' or the end. Returns the length of the sequence or Variable.</summary>
        private int Sequence()
        {
            int length = 0, before = 0, last = 0, variableAt = -1;
            bool repeatable = false, quantified = false, quoting = false, ended = false;
            while (_pos < End)
            {
                var c = _p[_pos];
                if (quoting)
                {
                    if (c == '\\' && _pos + 1 < End && _p[_pos + 1] == 'E')
                    {
                        _pos += 2;
                        quoting = false;
                        continue;
                    }

                    // A quoted character cannot be a condition's assertion (an empty \Q\E can stand before one).
                    if (_expectConditionAssertion > 0)
                    {
                        return Fail(28, _pos);
                    }

                    before = length;
                    last = Literal();
                    length = ended ? length : Add(length, last);
                    repeatable = true;
                    quantified = false;
                    continue;
                }

                if (!SkipIgnored())
                {
                    return Failed;
                }

                if (_pos >= End)
                {
                    break;
                }

                // \Q and \E are invisible: "a\E*" repeats the a.
                c = _p[_pos];
                if (c == '\\' && _pos + 1 < End && _p[_pos + 1] is 'Q' or 'E')
                {
                    quoting = _p[_pos + 1] == 'Q';
                    _pos += 2;
                    continue;
                }

                var expected = _expectConditionAssertion;
                _expectConditionAssertion = 0;
                if (expected > 0 && !ConditionAssertionFollows(expected))
                {
                    return Fail(28, _pos);
                }

                if (c is '|' or ')')
                {
                    break;
                }

                if (quantified && c is '+' or '?')
                {
                    _pos++;
                    quantified = false;
                    continue;
                }

                var quantifier = Quantifier(out var min, out var max);
                if (quantifier == Failed)
                {
                    return Failed;
                }

                if (quantifier > 0)
                {
                    if (!repeatable)
                    {
                        return Fail(9, quantifier - 1);
                    }

                    length = ended ? length : Add(before, Repeat(last, min, max));
                    variableAt = length == Variable && variableAt < 0 ? quantifier - 1 : variableAt;
                    repeatable = false;
                    quantified = true;
                    continue;
                }

                quantified = false;
                before = length;
                var itemAt = _pos;
                _firstVariable = -1;
                last = Item(expected, out repeatable);
                if (last == Failed)
                {
                    return Failed;
                }

                // A condition's assertion cannot be repeated.
                repeatable &= expected <= 0;

                length = ended ? length : Add(length, last);
                variableAt = length == Variable && variableAt < 0 ? (_firstVariable >= 0 ? _firstVariable : itemAt) : variableAt;
                ended |= _endsBranch;
                _endsBranch = false;
            }

            _firstVariable = variableAt;
            return length;
        }

        private static int Add(int a, int b) => a < 0 || b < 0 ? Variable : Math.Min(a + b, MaxLength);

        private static int Repeat(int length, int min, int max) =>
            length == Variable ? Variable : length == 0 ? 0 : min != max ? Variable : (int)Math.Min((long)length * min, MaxLength);

        /// <summary>Whitespace and # comments in extended mode, and (?#...) comments always.</summary>
        private bool SkipIgnored()
        {
            while (_pos < End)
            {
                var c = _p[_pos];
                if ((_options & Options.Extended) != 0)
                {
                    if (IsPatternWhiteSpace(c))
                    {
                        _pos++;
                        continue;
                    }

                    if (c == '#')
                    {
                        SkipLineComment();
                        continue;
                    }
                }

                if (c == '(' && End - _pos > 2 && _p[_pos + 1] == '?' && _p[_pos + 2] == '#')
                {
                    var close = _p.IndexOf(')', _pos + 3);
                    if (close < 0)
                    {
                        Fail(18, End);
                        return false;
                    }

                    _pos = close + 1;
                    continue;
                }

                return true;
            }

            return true;
        }

        private readonly bool IsPatternWhiteSpace(char c) =>
            c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r' || (_utf && c is '\u0085' or '\u200e' or '\u200f' or '\u2028' or '\u2029');

        private void SkipLineComment()
        {
            while (++_pos < End)
            {
                var newline = NewlineAt(_pos);
                if (newline > 0)
                {
                    _pos += newline;
                    return;
                }
            }
        }

        /// <summary>The length of the newline at a position (0 when none), for the newline convention in force.</summary>
        private readonly int NewlineAt(int at)
        {
            var c = _p[at];
            var crlf = c == '\r' && at + 1 < End && _p[at + 1] == '\n';
            return _newline switch
            {
                Newline.Lf => c == '\n' ? 1 : 0,
                Newline.Cr => c == '\r' ? 1 : 0,
                Newline.CrLf => crlf ? 2 : 0,
                Newline.Nul => c == '\0' ? 1 : 0,
                Newline.AnyCrLf => crlf ? 2 : c is '\r' or '\n' ? 1 : 0,
                _ => crlf ? 2 : c is '\r' or '\n' or '\v' or '\f' || (_utf && c is '\u0085' or '\u2028' or '\u2029') ? 1 : 0,
            };
        }

        /// <summary>After "(?(?" or "(?(*" (and any callout) the next item must be a lookaround assertion.</summary>
        private readonly bool ConditionAssertionFollows(int expected)
        {
            if (_p[_pos] != '(' || End - _pos < 4)
            {
                return false;
            }

            return _p[_pos + 1] switch
            {
                '*' => char.IsAsciiLetterLower(_p[_pos + 2]),
                '?' => _p[_pos + 2] switch
                {
                    'C' => expected == 2,
                    '=' or '!' => true,
                    '<' => _p[_pos + 3] is '=' or '!',
                    _ => false,
                },
                _ => false,
            };
        }

        // ---- Quantifiers ------------------------------------------------------------------------------------

        /// <summary>
        /// A quantifier at the position: returns 1 + the offset of its last character and moves past it, 0 when there
        /// is none (a '{' that does not start {n}, {n,} or {n,m} is a literal), or Failed.
        /// </summary>
        private int Quantifier(out int min, out int max)
        {
            (min, max) = _p[_pos] switch
            {
                '*' => (0, Unlimited),
                '+' => (1, Unlimited),
                '?' => (0, 1),
                _ => (-1, -1),
            };
            if (min >= 0)
            {
                return ++_pos;
            }

            if (_p[_pos] != '{')
            {
                return 0;
            }

            var at = _pos + 1;
            var counts = RepeatCounts(ref at, out min, out max);
            if (counts <= 0)
            {
                return counts;
            }

            _pos = at;
            return at;
        }

        /// <summary>The counts of {n}, {n,} or {n,m} after the '{': 1 (moving past the '}'), 0 when it is not one, or Failed.</summary>
        private int RepeatCounts(ref int at, out int min, out int max)
        {
            min = 0;
            max = Unlimited;
            var comma = false;
            for (var i = at; ; i++)
            {
                if (i >= End)
                {
                    return 0;
                }

                if (char.IsAsciiDigit(_p[i]))
                {
                    continue;
                }

                if (_p[i] == '}')
                {
                    break;
                }

                if (_p[i] != ',' || comma)
                {
                    return 0;
                }

                comma = true;
            }

            var p = at;
            var read = ReadNumber(ref p, -1, MaxRepeat, 5, out min);
            if (read <= 0)
            {
                return read;
            }

            if (_p[p] == '}')
            {
                max = min;
            }
            else if (_p[++p] != '}')
            {
                read = ReadNumber(ref p, -1, MaxRepeat, 5, out max);
                if (read <= 0)
                {
                    return read;
                }

                if (max < min)
                {
                    return Fail(4, p);
                }
            }

            at = p + 1;
            return 1;
        }

        /// <summary>
        /// PCRE2's read_number: 1 when a number was read (moving past it), 0 when there is none, Failed past max.
        /// With allowSign >= 0 (the groups so far), +n and -n are relative to it.
        /// </summary>
        private int ReadNumber(ref int at, int allowSign, int max, int tooBig, out int value)
        {
            value = 0;
            var p = at;
            var sign = 0;
            if (allowSign >= 0 && p < End && _p[p] is '+' or '-')
            {
                sign = _p[p++] == '+' ? 1 : -1;
                max -= sign > 0 ? allowSign : 0;
            }

            if (p >= End || !char.IsAsciiDigit(_p[p]))
            {
                return 0;
            }

            long n = 0;
            while (p < End && char.IsAsciiDigit(_p[p]))
            {
                n = n * 10 + _p[p++] - '0';
                if (n > max)
                {
                    at = p;
                    return Fail(tooBig, p);
                }
            }

            at = p;
            if (sign != 0)
            {
                if (n == 0)
                {
                    return Fail(26, p);
                }

                if (sign < 0 && n > allowSign)
                {
                    return Fail(15, p);
                }

                n = sign > 0 ? n + allowSign : allowSign + 1 - n;
            }

            value = (int)n;
            return 1;
        }

        // ---- Items ------------------------------------------------------------------------------------------

        /// <summary>One item; returns its length (or Variable, or Failed) and whether a quantifier may follow it.</summary>
        private int Item(int expected, out bool repeatable)
        {
            repeatable = true;
            switch (_p[_pos])
            {
                case '(':
                    return Group(expected, out repeatable);
                case '[':
                    return CharacterClass();
                case '\\':
                    return EscapeItem(out repeatable);
                case '^' or '$':
                    _pos++;
                    repeatable = false;
                    return 0;
                case '.':
                    _pos++;
                    return 1;
                default:
                    return Literal();
            }
        }

        /// <summary>A literal character: one unit in UTF mode, its UTF-8 bytes otherwise (PCRE2 sees the bytes APISIX passes).</summary>
        private int Literal()
        {
            var units = Units(CodePointAt(_pos, out var width));
            _pos += width;
            return units;
        }

        private readonly int Units(int codePoint) =>
            _utf || codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;

        private readonly int CodePointAt(int at, out int width)
        {
            var c = _p[at];
            if (char.IsHighSurrogate(c) && at + 1 < End && char.IsLowSurrogate(_p[at + 1]))
            {
                width = 2;
                return char.ConvertToUtf32(c, _p[at + 1]);
            }

            width = 1;
            // A lone surrogate reaches APISIX as U+FFFD once encoded.
            return char.IsSurrogate(c) ? 0xfffd : c;
        }

        // ---- Groups -----------------------------------------------------------------------------------------

        private int Group(int expected, out bool repeatable)
        {
            var start = _pos++;
            repeatable = true;
            if (_pos >= End)
            {
                return Fail(14, _pos);
            }

            if (_p[_pos] == '*')
            {
                return VerbOrAlphaAssertion(start, expected, out repeatable);
            }

            if (_p[_pos] != '?')
            {
                return (_options & Options.NoAutoCapture) != 0 ? Body(start, GroupKind.Plain, _options, out _) : Capture(start, 0, 0);
            }

            if (++_pos >= End)
            {
                return Fail(14, _pos);
            }

            var c = _p[_pos];
            switch (c)
            {
                case ':' or '>':
                    _pos++;
                    return Body(start, GroupKind.Plain, _options, out _);
                case '|':
                    _pos++;
                    _sawBranchReset = true;
                    return Body(start, GroupKind.BranchReset, _options, out _);
                case '=' or '!' or '*':
                    _pos++;
                    return Body(start, GroupKind.Lookahead, _options, out _);
                case '<' when _pos + 1 < End && _p[_pos + 1] is '=' or '!' or '*':
                    _pos += 2;
                    return Body(start, GroupKind.Lookbehind, _options, out _);
                case '<' or '\'':
                    _pos++;
                    return NamedCapture(start, c == '<' ? '>' : '\'');
                case 'P':
                    return PythonGroup(start);
                case 'R':
                    if (++_pos >= End || _p[_pos] != ')')
                    {
                        return Fail(58, _pos);
                    }

                    _pos++;
                    return Variable;
                case '&':
                    _pos++;
                    return ReadName(')', true) ? NamedReference(_nameStart, _nameLength, start, call: true) : Failed;
                case 'C':
                    repeatable = false;
                    return Callout(expected);
                case '(':
                    return Conditional(start);
                case '+':
                    return NumberedCall();
                case '-' when _pos + 1 < End && char.IsAsciiDigit(_p[_pos + 1]):
                    return NumberedCall();
                case >= '0' and <= '9':
                    return NumberedCall();
                default:
                    return OptionSetting(start, out repeatable);
            }
        }

        /// <summary>The branches of a group and its ')'; the options given hold inside it. Lookarounds have no length.</summary>
        private int Body(int start, GroupKind kind, Options inner, out int branches, bool target = false)
        {
            branches = 0;
            if (++_nesting > MaxNesting)
            {
                return Fail(19, _pos);
            }

            var (options, lookarounds, lengthsCount) = (_options, _lookarounds, _lengthsCount);
            _options = inner;
            if (kind is GroupKind.Lookahead or GroupKind.Lookbehind)
            {
                _lookarounds++;
                // A lookahead adds no length; a lookbehind's own length is checked (when not measuring).
                _lengthsCount = kind == GroupKind.Lookbehind && !Measuring;
            }
            else if (target)
            {
                _lengthsCount = true;
            }

            var length = Alternatives(kind, start, out branches);
            if (length == Failed)
            {
                return Failed;
            }

            if (_pos >= End)
            {
                return Fail(14, _pos);
            }

            _pos++;
            (_options, _lookarounds, _lengthsCount) = (options, lookarounds, lengthsCount);
            _nesting--;
            return kind is GroupKind.Lookahead or GroupKind.Lookbehind ? 0 : length;
        }

        private int Capture(int start, int nameStart, int nameLength)
        {
            if (_groups >= MaxGroupNumber)
            {
                return Fail(97, _pos);
            }

            var number = ++_groups;
            if (nameLength > 0 && !DefineName(nameStart, nameLength, number))
            {
                return Failed;
            }

            var target = Measuring && (number == _target.Number || (nameLength > 0 && SameName(nameStart, nameLength, _target.NameStart, _target.NameLength)));
            var length = Body(start, GroupKind.Capture, _options, out _, target);
            if (target && length != Failed)
            {
                // A group that holds the reference being measured calls itself: not a fixed length.
                if (_targetsSeen++ == 0)
                {
                    _measured = start < _target.RequestAt && _target.RequestAt < _pos ? Variable : length;
                }
            }

            return length;
        }

        private int NamedCapture(int start, char terminator) =>
            ReadName(terminator, true) ? Capture(start, _nameStart, _nameLength) : Failed;

        /// <summary>(?P&lt;name&gt;...), (?P=name) and (?P&gt;name).</summary>
        private int PythonGroup(int start)
        {
            if (++_pos >= End)
            {
                return Fail(14, _pos);
            }

            switch (_p[_pos++])
            {
                case '<':
                    return NamedCapture(start, '>');
                case var kind and ('=' or '>'):
                    return ReadName(')', true) ? NamedReference(_nameStart, _nameLength, start, call: kind == '>') : Failed;
                default:
                    return Fail(41, _pos - 1);
            }
        }

        /// <summary>(?1), (?+1), (?-1): a call of a group by absolute or relative number.</summary>
        private int NumberedCall()
        {
            var at = _pos;
            if (_p[_pos] == '+' && (End - _pos < 2 || !char.IsAsciiDigit(_p[_pos + 1])))
            {
                return Fail(29, _pos);
            }

            if (ReadNumber(ref _pos, char.IsAsciiDigit(_p[_pos]) ? -1 : _groups, MaxGroupNumber, 61, out var number) == Failed)
            {
                return Failed;
            }

            if (_pos >= End || _p[_pos] != ')')
            {
                return Fail(14, _pos);
            }

            _pos++;
            return Reference(number, at, call: true);
        }

        /// <summary>(?C), (?Cn) and (?C"text"): no length, not repeatable; may stand before a condition's assertion.</summary>
        private int Callout(int expected)
        {
            if (++_pos >= End)
            {
                return Fail(14, _pos);
            }

            _expectConditionAssertion = expected - 1;
            if (_p[_pos] != ')' && !char.IsAsciiDigit(_p[_pos]))
            {
                var delimiter = "`'\"^%#${".IndexOf(_p[_pos], StringComparison.Ordinal);
                if (delimiter < 0)
                {
                    return Fail(82, _pos);
                }

                var close = delimiter == 7 ? '}' : _p[_pos];
                var text = _pos;
                while (true)
                {
                    if (++_pos >= End)
                    {
                        return Fail(81, text);
                    }

                    if (_p[_pos] == close && (++_pos >= End || _p[_pos] != close))
                    {
                        break;
                    }
                }
            }
            else
            {
                var number = 0;
                while (_pos < End && char.IsAsciiDigit(_p[_pos]))
                {
                    number = number * 10 + _p[_pos++] - '0';
                    if (number > 255)
                    {
                        return Fail(38, _pos);
                    }
                }
            }

            if (_pos >= End || _p[_pos] != ')')
            {
                return Fail(39, _pos);
            }

            _pos++;
            return 0;
        }

        /// <summary>(?imnsxJU-imnsxJU) for the rest of the group, or (?imnsx:...) for a group of its own.</summary>
        private int OptionSetting(int start, out bool repeatable)
        {
            repeatable = false;
            var options = _options;
            Options set = Options.None, unset = Options.None;
            var unsetting = false;
            var hyphenAllowed = true;
            if (_p[_pos] == '^')
            {
                options &= ~(Options.Extended | Options.ExtendedMore | Options.NoAutoCapture);
                hyphenAllowed = false;
                _pos++;
            }

            while (_pos < End && _p[_pos] is not (')' or ':'))
            {
                var flag = Options.None;
                switch (_p[_pos++])
                {
                    case '-' when hyphenAllowed:
                        unsetting = true;
                        hyphenAllowed = false;
                        continue;
                    case '-':
                        return Fail(94, _pos - 1);
                    case 'i' or 'm' or 's' or 'U':
                        continue;
                    case 'J':
                        flag = Options.DupNames;
                        break;
                    case 'n':
                        flag = Options.NoAutoCapture;
                        break;
                    case 'x':
                        flag = Options.Extended;
                        if (_pos < End && _p[_pos] == 'x')
                        {
                            flag |= Options.ExtendedMore;
                            _pos++;
                        }

                        break;
                    default:
                        return Fail(11, _pos - 1);
                }

                if (unsetting)
                {
                    unset |= flag;
                }
                else
                {
                    set |= flag;
                }
            }

            // x alone turns xx off; unsetting x unsets xx too.
            if ((set & (Options.Extended | Options.ExtendedMore)) == Options.Extended || (unset & Options.Extended) != 0)
            {
                unset |= Options.ExtendedMore;
            }

            options = (options | set) & ~unset;
            if (_pos >= End)
            {
                return Fail(14, _pos);
            }

            if (_p[_pos++] == ')')
            {
                _options = options;
                return 0;
            }

            repeatable = true;
            return Body(start, GroupKind.Plain, options, out _);
        }

        private static readonly string[] AlphaAssertions =
        [
            "pla", "positive_lookahead", "nla", "negative_lookahead", "plb", "positive_lookbehind", "nlb", "negative_lookbehind",
            "napla", "non_atomic_positive_lookahead", "naplb", "non_atomic_positive_lookbehind",
            "atomic", "sr", "script_run", "asr", "atomic_script_run",
        ];

        private static readonly string[] Verbs = ["MARK", "", "ACCEPT", "F", "FAIL", "COMMIT", "PRUNE", "SKIP", "THEN"];

        /// <summary>(*pla:...) and the other alphabetic assertions, or a backtracking verb such as (*SKIP) or (*MARK:name).</summary>
        private int VerbOrAlphaAssertion(int start, int expected, out bool repeatable)
        {
            repeatable = false;
            // "(*)" and a final "(*": PCRE2 reads the * as a quantifier with nothing to repeat.
            if (End - _pos <= 1 || _p[_pos + 1] == ')')
            {
                return Fail(9, _pos);
            }

            var alphabetic = char.IsAsciiLetterLower(_p[_pos + 1]);
            _pos++;
            if (!ReadName('\0', false))
            {
                return Failed;
            }

            var name = _p.AsSpan(_nameStart, _nameLength);
            if (alphabetic)
            {
                var index = _pos < End && _p[_pos] == ':' ? IndexOf(AlphaAssertions, name) : -1;
                if (index < 0)
                {
                    return Fail(95, _pos);
                }

                // Only the four atomic lookarounds may be a condition.
                if (expected > 0 && index >= 8)
                {
                    return Fail(index < 12 ? 98 : 28, _pos);
                }

                _pos++;
                repeatable = true;
                var kind = index switch { < 4 => GroupKind.Lookahead, < 8 => GroupKind.Lookbehind, < 10 => GroupKind.Lookahead, < 12 => GroupKind.Lookbehind, _ => GroupKind.Plain };
                return Body(start, kind, _options, out _);
            }

            var verb = _pos < End && _p[_pos] is ':' or ')' ? IndexOf(Verbs, name) : -1;
            if (verb < 0)
            {
                return Fail(60, _pos);
            }

            if (_p[_pos] == ':' && _pos + 1 < End && _p[_pos + 1] == ')')
            {
                _pos++;
            }

            // (*MARK) and (*:) need a name; the others take one or not. Only (*ACCEPT) may be repeated.
            if (verb < 2 && _p[_pos] != ':')
            {
                return Fail(66, _pos);
            }

            repeatable = Verbs[verb] == "ACCEPT";
            _endsBranch = Verbs[verb] is "ACCEPT" or "F" or "FAIL";
            if (_p[_pos++] == ':')
            {
                var close = _p.IndexOf(')', _pos);
                if (close < 0)
                {
                    return Fail(60, End);
                }

                if (close - _pos > MaxVerbName)
                {
                    return Fail(76, close);
                }

                _pos = close + 1;
            }

            return 0;
        }

        private static int IndexOf(string[] names, ReadOnlySpan<char> name)
        {
            for (var i = 0; i < names.Length; i++)
            {
                if (name.SequenceEqual(names[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        // ---- Conditional groups -----------------------------------------------------------------------------

        /// <summary>(?(condition)yes|no): the condition is a group number or name, R..., DEFINE, VERSION..., or an assertion.</summary>
        private int Conditional(int start)
        {
            if (++_pos >= End)
            {
                return Fail(14, _pos);
            }

            var define = -1;
            if (_p[_pos] is '?' or '*')
            {
                // Back to the assertion's '(': it is the first item of the yes branch.
                _pos--;
                _expectConditionAssertion = 2;
            }
            else
            {
                var at = _pos;
                var read = ReadNumber(ref _pos, _groups, MaxGroupNumber, 61, out var number);
                if (read == Failed)
                {
                    return Failed;
                }

                if (read > 0)
                {
                    if (number <= 0)
                    {
                        return Fail(15, _pos);
                    }

                    RequireGroup(number, at);
                }
                else if (End - _pos >= 10 && string.CompareOrdinal(_p, _pos, "VERSION", 0, 7) == 0 && _p[_pos + 7] != ')')
                {
                    if (!VersionCondition())
                    {
                        return Failed;
                    }
                }
                else if (!NamedCondition(at, ref define))
                {
                    return Failed;
                }

                if (_pos >= End || _p[_pos] != ')')
                {
                    return Fail(24, _pos);
                }

                _pos++;
            }

            var length = Body(start, GroupKind.Conditional, _options, out var branches);
            if (length == Failed)
            {
                return Failed;
            }

            if (define >= 0 ? branches > 1 : branches > 2)
            {
                Record(ref _branchFailure, define >= 0 ? 54 : 27, define >= 0 ? define : start);
            }

            return define >= 0 ? 0 : length;
        }

        /// <summary>(?(VERSION>=10.4)...): "=" or ">=", a number, and up to two decimals.</summary>
        private bool VersionCondition()
        {
            _pos += 7;
            if (_p[_pos] == '>')
            {
                _pos++;
            }

            if (_p[_pos] != '=')
            {
                Fail(79, _pos);
                return false;
            }

            _pos++;
            if (ReadNumber(ref _pos, -1, 1000, 79, out _) <= 0 || _pos >= End)
            {
                Fail(79, _pos);
                return false;
            }

            if (_p[_pos] == '.')
            {
                if (++_pos >= End || !char.IsAsciiDigit(_p[_pos]) || ++_pos >= End)
                {
                    Fail(79, _pos);
                    return false;
                }

                if (char.IsAsciiDigit(_p[_pos]))
                {
                    _pos++;
                }

                if (_pos >= End || _p[_pos] != ')')
                {
                    Fail(79, _pos);
                    return false;
                }
            }

            return true;
        }

        /// <summary>(?(&lt;name&gt;), (?('name'), (?(name), (?(R&amp;name), (?(R), (?(R2) and (?(DEFINE); sets define to DEFINE's offset.</summary>
        private bool NamedCondition(int at, ref int define)
        {
            var terminator = ')';
            var recursionByName = false;
            if (_p[_pos] == 'R' && End - _pos > 1 && _p[_pos + 1] == '&')
            {
                recursionByName = true;
                _pos += 2;
            }
            else if (_p[_pos] is '<' or '\'')
            {
                terminator = _p[_pos++] == '<' ? '>' : '\'';
            }

            if (!ReadName(terminator, true))
            {
                return false;
            }

            if (terminator == ')')
            {
                _pos--;
            }

            var name = _p.AsSpan(_nameStart, _nameLength);
            if (!recursionByName && terminator == ')' && name.SequenceEqual("DEFINE"))
            {
                define = _nameStart;
            }
            else if (!recursionByName && terminator == ')' && name[0] == 'R' && !name[1..].ContainsAnyExceptInRange('0', '9'))
            {
                // (?(R) and (?(R2) test recursion; a group named R2 takes precedence.
                var number = name.Length == 1 ? 0 : int.TryParse(name[1..], out var n) ? n : int.MaxValue;
                if (number > _groups && !Named(_nameStart, _nameLength))
                {
                    AddPending(new Pending(PendingKind.RecursionTest, number, _nameStart, _nameLength, at));
                }
            }
            else if (!Named(_nameStart, _nameLength))
            {
                AddPending(new Pending(PendingKind.Name, 0, _nameStart, _nameLength, at));
            }

            return true;
        }

        // ---- Names and references ---------------------------------------------------------------------------

        private int _nameStart;
        private int _nameLength;

        /// <summary>
        /// A group name (is a group: letters, digits and '_', not starting with a digit, then the terminator) or a verb or
        /// assertion name (ASCII word characters, terminator checked by the caller). Sets _nameStart and _nameLength.
        /// </summary>
        private bool ReadName(char terminator, bool isGroup)
        {
            if (_pos >= End)
            {
                Fail(isGroup ? 62 : 60, _pos);
                return false;
            }

            var start = _pos;
            var units = 0;
            if (isGroup && char.IsAsciiDigit(_p[_pos]) || (_utf && isGroup && char.IsDigit(_p[_pos])))
            {
                Fail(44, _pos);
                return false;
            }

            while (_pos < End)
            {
                var c = CodePointAt(_pos, out var width);
                var word = c < 0x80 ? char.IsAsciiLetterOrDigit((char)c) || c == '_' : _utf && isGroup && IsUnicodeWord(c);
                if (!word)
                {
                    break;
                }

                units += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
                _pos += width;
            }

            if (units > MaxNameUnits)
            {
                Fail(48, _pos);
                return false;
            }

            (_nameStart, _nameLength) = (start, _pos - start);
            if (!isGroup)
            {
                return true;
            }

            if (_pos == start)
            {
                Fail(62, _pos);
                return false;
            }

            if (terminator != '\0')
            {
                if (_pos >= End || _p[_pos] != terminator)
                {
                    Fail(42, _pos);
                    return false;
                }

                _pos++;
            }

            return true;
        }

        private static bool IsUnicodeWord(int c) =>
            System.Text.Rune.IsValid(c) && System.Text.Rune.GetUnicodeCategory(new System.Text.Rune(c)) is
                System.Globalization.UnicodeCategory.UppercaseLetter or System.Globalization.UnicodeCategory.LowercaseLetter or
                System.Globalization.UnicodeCategory.TitlecaseLetter or System.Globalization.UnicodeCategory.ModifierLetter or
                System.Globalization.UnicodeCategory.OtherLetter or System.Globalization.UnicodeCategory.DecimalDigitNumber;

        private readonly bool SameName(int a, int aLength, int b, int bLength) =>
            aLength == bLength && _p.AsSpan(a, aLength).SequenceEqual(_p.AsSpan(b, bLength));

        /// <summary>Whether a group has this name (so far).</summary>
        private readonly bool Named(int start, int length)
        {
            for (var i = 0; _names is not null && i < _names.Count; i++)
            {
                if (SameName(_names[i].Start, _names[i].Length, start, length))
                {
                    return true;
                }
            }

            return false;
        }

        private bool DefineName(int start, int length, int number)
        {
            _names ??= [];
            foreach (var name in _names)
            {
                if (SameName(name.Start, name.Length, start, length))
                {
                    // The same group again in another branch of (?|...) is fine; another group needs (?J).
                    if (name.Number == number)
                    {
                        return true;
                    }

                    if ((_options & Options.DupNames) == 0)
                    {
                        Fail(43, _pos);
                        return false;
                    }
                }
                else if (name.Number == number)
                {
                    Fail(65, _pos);
                    return false;
                }
            }

            _names.Add(new GroupName(start, length, number));
            return true;
        }

        private void AddPending(Pending pending)
        {
            if (!Measuring)
            {
                (_pending ??= []).Add(pending);
            }
        }

        private void RequireGroup(int number, int offset)
        {
            if (number > _groups)
            {
                AddPending(new Pending(PendingKind.Number, number, 0, 0, offset));
            }
        }

        private void ResolvePending()
        {
            if (_pending is null)
            {
                return;
            }

            foreach (var pending in _pending)
            {
                var exists = pending.Kind switch
                {
                    PendingKind.Number => pending.Number <= _groups,
                    PendingKind.Name => Named(pending.NameStart, pending.NameLength),
                    _ => pending.Number <= _groups || Named(pending.NameStart, pending.NameLength),
                };
                if (!exists)
                {
                    Record(ref _referenceFailure, 15, pending.Offset);
                }
            }
        }

        /// <summary>A back reference or call by number (0 = the whole pattern); its length counts only in a lookbehind.</summary>
        private int Reference(int number, int at, bool call)
        {
            RequireGroup(number, at);
            return !_lengthsCount || number == 0 ? Variable : Measured(number, 0, 0, at, call);
        }

        private int NamedReference(int start, int length, int at, bool call)
        {
            if (!Named(start, length))
            {
                AddPending(new Pending(PendingKind.Name, 0, start, length, at));
            }

            return !_lengthsCount ? Variable : Measured(0, start, length, at, call);
        }

        /// <summary>
        /// The fixed length of the group a reference names, found by parsing the pattern again (the group may come
        /// later). PCRE2 gives up on a back reference when (?| is used or the name is on several groups.
        /// </summary>
        private int Measured(int number, int nameStart, int nameLength, int at, bool call)
        {
            if (_target.Depth >= MaxMeasureDepth)
            {
                return Variable;
            }

            var budget = _target.Budget ?? (_budget ??= new MeasureBudget(MeasureCharacters));
            if (budget.Exhausted || (budget.Left -= _p.Length) < 0)
            {
                budget.Exhausted = true;
                return Variable;
            }

            var measuring = new Parser(_p, new Target(number, nameStart, nameLength, at, _target.Depth + 1, budget));
            _ = measuring.Run();
            // A name is looked up before PCRE2 gives up on back references beside (?|; a number after.
            var found = measuring._targetsSeen > 0;
            var length = !call && nameLength > 0 && !found ? NoSuchGroup
                : !call && (measuring._sawBranchReset || measuring._targetsSeen > 1) ? Variable
                : found ? measuring._measured : NoSuchGroup;
            if (length == NoSuchGroup)
            {
                Record(ref _lookbehindFailure, 15, at);
                return 0;
            }

            return length;
        }

        // ---- Escapes ----------------------------------------------------------------------------------------

        private int EscapeItem(out bool repeatable)
        {
            var start = _pos;
            repeatable = true;
            var escape = ReadEscape(false, out var value);
            switch (escape)
            {
                case Escape.Failed:
                    return Failed;
                case Escape.Literal:
                    return Units(value);
                case Escape.Assertion:
                    repeatable = false;
                    return 0;
                case Escape.Reset:
                    repeatable = false;
                    if (_lookarounds > 0)
                    {
                        Record(ref _referenceFailure, 99, start);
                    }

                    return 0;
                case Escape.Variable:
                    return Variable;
                case Escape.DataUnit:
                    if (_utf && _lengthsCount)
                    {
                        Record(ref _lookbehindFailure, 36, start);
                    }

                    return 1;
                case Escape.BackReference or Escape.Call:
                    return Reference(value, start, escape == Escape.Call);
                case Escape.NamedBackReference or Escape.NamedCall:
                    return NamedReference(_nameStart, _nameLength, start, escape == Escape.NamedCall);
                case Escape.Property:
                    return Property() ? 1 : Failed;
                default:
                    return 1;
            }
        }

        /// <summary>
        /// The escape at the backslash, moving past it. Code and Literal set value to the character; BackReference and
        /// Call to the group number; the named forms set _nameStart and _nameLength.
        /// </summary>
        private Escape ReadEscape(bool inClass, out int value)
        {
            value = 0;
            if (++_pos >= End)
            {
                Fail(1, _pos);
                return Escape.Failed;
            }

            var c = _p[_pos];
            if (!char.IsAsciiLetterOrDigit(c))
            {
                value = CodePointAt(_pos, out var width);
                _pos += width;
                return Escape.Literal;
            }

            _pos++;
            value = c switch { 'a' => 7, 'e' => 27, 'f' => 12, 'n' => 10, 'r' => 13, 't' => 9, 'b' when inClass => 8, 'g' when inClass => 'g', _ => -1 };
            if (value >= 0)
            {
                return Escape.Code;
            }

            value = 0;
            switch (c)
            {
                case >= '0' and <= '9':
                    return Digits(c, inClass, out value);
                case 'o':
                    return BracedCode(octal: true, out value);
                case 'x':
                    return Hex(out value);
                case 'c':
                    return Control(out value);
                case 'b' or 'B' or 'A' or 'z' or 'Z' or 'G':
                    return Escape.Assertion;
                case 'K':
                    return Escape.Reset;
                case 'd' or 'D' or 's' or 'S' or 'w' or 'W' or 'h' or 'H' or 'v' or 'V':
                    return Escape.Set;
                case 'p' or 'P':
                    return Escape.Property;
                case 'N':
                    return NotNewline(out value);
                case 'R' or 'X':
                    return Escape.Variable;
                case 'C':
                    return Escape.DataUnit;
                case 'Q':
                    return Escape.Quote;
                case 'E':
                    return Escape.EndQuote;
                case 'g':
                    return GroupEscape(out value);
                case 'k':
                    return inClass ? Escape.NameReferenceInClass : NamedBackReference();
                case 'F' or 'L' or 'l' or 'U' or 'u':
                    Fail(37, _pos);
                    return Escape.Failed;
                default:
                    Fail(3, _pos - 1);
                    return Escape.Failed;
            }
        }

        /// <summary>\1...\9 and \0: a back reference (outside a class, when it can be one) or an octal code.</summary>
        private Escape Digits(char first, bool inClass, out int value)
        {
            value = 0;
            if (first != '0' && !inClass)
            {
                // A decimal number under 10, or with a first digit 8 or 9, or no larger than the groups so far, is a back reference.
                var p = _pos - 1;
                long number = 0;
                while (p < End && char.IsAsciiDigit(_p[p]) && number <= MaxGroupNumber)
                {
                    number = number * 10 + _p[p++] - '0';
                }

                if (number > MaxGroupNumber && first >= '8')
                {
                    // \8 and \9 can only start a back reference, so a number too big for a group is an error (a
                    // smaller first digit makes an octal escape instead).
                    while (p < End && char.IsAsciiDigit(_p[p]))
                    {
                        p++;
                    }

                    Fail(61, p);
                    return Escape.Failed;
                }

                if (number <= MaxGroupNumber && (number < 10 || first >= '8' || number <= _groups))
                {
                    _pos = p;
                    value = (int)number;
                    return Escape.BackReference;
                }
            }

            if (first >= '8')
            {
                value = first;
                return Escape.Code;
            }

            value = first - '0';
            for (var i = 0; i < 2 && _pos < End && _p[_pos] is >= '0' and <= '7'; i++)
            {
                value = value * 8 + _p[_pos++] - '0';
            }

            if (!_utf && value > 0xff)
            {
                Fail(51, _pos);
                return Escape.Failed;
            }

            return Escape.Code;
        }

        private readonly int MaxCode => _utf ? 0x10ffff : 0xff;

        private Escape Hex(out int value)
        {
            value = 0;
            if (_pos < End && _p[_pos] == '{')
            {
                return BracedCode(octal: false, out value);
            }

            for (var i = 0; i < 2 && _pos < End && char.IsAsciiHexDigit(_p[_pos]); i++)
            {
                value = value * 16 + Digit(_p[_pos++], octal: false);
            }

            return Escape.Code;
        }

        /// <summary>\o{...}, \x{...} and (in UTF mode) \N{U+...}: digits up to the character limit, then '}'.</summary>
        private Escape BracedCode(bool octal, out int value)
        {
            value = 0;
            if (octal && (_pos >= End || _p[_pos] != '{'))
            {
                Fail(55, _pos);
                return Escape.Failed;
            }

            if (++_pos >= End || _p[_pos] == '}')
            {
                Fail(78, _pos);
                return Escape.Failed;
            }

            var overflow = false;
            while (_pos < End && Digit(_p[_pos], octal) is var digit && digit >= 0)
            {
                _pos++;
                if (overflow)
                {
                    continue;
                }

                value = value * (octal ? 8 : 16) + digit;
                overflow = value > MaxCode;
            }

            if (overflow)
            {
                Fail(34, _pos);
                return Escape.Failed;
            }

            if (_pos >= End || _p[_pos] != '}')
            {
                Fail(octal ? 64 : 67, _pos >= End ? _pos - 1 : _pos);
                return Escape.Failed;
            }

            if (_utf && value is >= 0xd800 and <= 0xdfff)
            {
                Fail(73, _pos);
                return Escape.Failed;
            }

            _pos++;
            return Escape.Code;
        }

        private static int Digit(char c, bool octal) =>
            octal ? (c is >= '0' and <= '7' ? c - '0' : -1) : char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiHexDigit(c) ? (c | 0x20) - 'a' + 10 : -1;

        private Escape Control(out int value)
        {
            value = 0;
            if (_pos >= End)
            {
                Fail(2, _pos);
                return Escape.Failed;
            }

            var c = char.ToUpperInvariant(_p[_pos]);
            if (c is < ' ' or > '~')
            {
                Fail(68, _pos);
                return Escape.Failed;
            }

            _pos++;
            value = c ^ 0x40;
            return Escape.Code;
        }

        /// <summary>\N, \N{U+hhhh} (UTF mode only) or \N followed by a {n,m} quantifier; \N{name} is not PCRE2.</summary>
        private Escape NotNewline(out int value)
        {
            value = 0;
            if (_pos >= End || _p[_pos] != '{')
            {
                return Escape.NotNewline;
            }

            if (End - _pos > 2 && _p[_pos + 1] == 'U' && _p[_pos + 2] == '+')
            {
                if (!_utf)
                {
                    Fail(93, _pos);
                    return Escape.Failed;
                }

                _pos += 2;
                return BracedCode(octal: false, out value);
            }

            var at = _pos + 1;
            var counts = RepeatCounts(ref at, out _, out _);
            if (counts == Failed)
            {
                _error.Offset = _pos;
                return Escape.Failed;
            }

            if (counts == 0)
            {
                Fail(37, _pos);
                return Escape.Failed;
            }

            return Escape.NotNewline;
        }

        /// <summary>\g: \gn, \g{n}, \g{-n}, \g{name} back references, or \g&lt;n&gt;, \g'name' subroutine calls.</summary>
        private Escape GroupEscape(out int value)
        {
            value = 0;
            if (_pos >= End)
            {
                Fail(57, _pos);
                return Escape.Failed;
            }

            var open = _p[_pos];
            if (open is '<' or '\'')
            {
                var terminator = open == '<' ? '>' : '\'';
                var p = _pos + 1;
                var read = ReadNumber(ref p, _groups, MaxGroupNumber, 61, out value);
                if (read == Failed)
                {
                    return Escape.Failed;
                }

                if (read > 0)
                {
                    if (p >= End || _p[p] != terminator)
                    {
                        Fail(57, p);
                        return Escape.Failed;
                    }

                    _pos = p + 1;
                    return Escape.Call;
                }

                _pos++;
                return ReadName(terminator, true) ? Escape.NamedCall : Escape.Failed;
            }

            if (open == '{')
            {
                var p = _pos + 1;
                var read = ReadNumber(ref p, _groups, MaxGroupNumber, 61, out value);
                if (read == Failed)
                {
                    _error.Offset = _pos;
                    return Escape.Failed;
                }

                if (read == 0)
                {
                    _pos++;
                    return ReadName('}', true) ? Escape.NamedBackReference : Escape.Failed;
                }

                if (p >= End || _p[p] != '}')
                {
                    Fail(57, _pos);
                    return Escape.Failed;
                }

                _pos = p + 1;
            }
            else
            {
                var read = ReadNumber(ref _pos, _groups, MaxGroupNumber, 61, out value);
                if (read <= 0)
                {
                    if (read == 0)
                    {
                        Fail(57, _pos);
                    }

                    return Escape.Failed;
                }
            }

            if (value <= 0)
            {
                Fail(15, _pos);
                return Escape.Failed;
            }

            return Escape.BackReference;
        }

        /// <summary>\k&lt;name&gt;, \k'name' or \k{name}.</summary>
        private Escape NamedBackReference()
        {
            if (_pos >= End || _p[_pos] is not ('<' or '\'' or '{'))
            {
                Fail(69, _pos);
                return Escape.Failed;
            }

            var terminator = _p[_pos++] switch { '<' => '>', '\'' => '\'', _ => '}' };
            return ReadName(terminator, true) ? Escape.NamedBackReference : Escape.Failed;
        }

        /// <summary>The property of \p or \P: a letter, or {name} with PCRE2's loose matching, "^" negation and "sc:", "scx:" or "bc:" prefixes.</summary>
        private bool Property()
        {
            Span<char> name = stackalloc char[56];
            var length = 0;
            var colon = -1;
            if (_pos >= End)
            {
                return Malformed();
            }

            var c = _p[_pos++];
            if (c == '{')
            {
                if (_pos >= End)
                {
                    return Malformed();
                }

                if (_p[_pos] == '^')
                {
                    _pos++;
                }

                for (var i = 0; i < 49; i++)
                {
                    do
                    {
                        if (_pos >= End)
                        {
                            return Malformed();
                        }

                        c = _p[_pos++];
                    }
                    while (c is '_' or '-' or ' ' or '\t' or '\n' or '\v' or '\f' or '\r');

                    if (c is '\0')
                    {
                        return Malformed();
                    }

                    if (c == '}')
                    {
                        break;
                    }

                    name[length++] = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
                    if (c is ':' or '=' && colon < 0)
                    {
                        colon = length - 1;
                    }
                }

                if (c != '}')
                {
                    return Malformed();
                }
            }
            else if (char.IsAsciiLetter(c))
            {
                name[length++] = (char)(c | 0x20);
            }
            else
            {
                return Malformed();
            }

            if (!KnownProperty(name[..length], colon))
            {
                Fail(47, _pos);
                return false;
            }

            return true;
        }

        private bool Malformed()
        {
            Fail(46, _pos);
            return false;
        }

        private static bool KnownProperty(ReadOnlySpan<char> name, int colon)
        {
            if (colon < 0)
            {
                return Listed(ScriptNames, "", name) || Listed(OtherPropertyNames, "", name);
            }

            var kind = name[..colon];
            var value = name[(colon + 1)..];
            return kind switch
            {
                "bc" or "bidiclass" => Listed(OtherPropertyNames, "bidi", value),
                "sc" or "script" or "scx" or "scriptextensions" => Listed(ScriptNames, "", value),
                _ => false,
            };
        }

        /// <summary>Whether " prefix+name " occurs in a space-separated list.</summary>
        private static bool Listed(string names, string prefix, ReadOnlySpan<char> name)
        {
            Span<char> needle = stackalloc char[name.Length + prefix.Length + 2];
            needle[0] = ' ';
            prefix.CopyTo(needle[1..]);
            name.CopyTo(needle[(1 + prefix.Length)..]);
            needle[^1] = ' ';
            return names.AsSpan().IndexOf(needle, StringComparison.Ordinal) >= 0;
        }

        // ---- Character classes ------------------------------------------------------------------------------

        private static readonly string[] PosixNames = ["alpha", "lower", "upper", "alnum", "ascii", "blank", "cntrl", "digit", "graph", "print", "punct", "space", "word", "xdigit"];

        /// <summary>A [...] class: one character long. Ranges must be in order and end in characters, not in \d or [:alpha:].</summary>
        private int CharacterClass()
        {
            var start = _pos;
            // [[:<:]] and [[:>:]], the old word-boundary spellings.
            if (string.CompareOrdinal(_p, _pos, "[[:<:]]", 0, 7) == 0 || string.CompareOrdinal(_p, _pos, "[[:>:]]", 0, 7) == 0)
            {
                _pos += 7;
                return 0;
            }

            _pos++;
            if (_pos < End && _p[_pos] is ':' or '.' or '=' && PosixSyntax(_pos, out _))
            {
                return Fail(_p[_pos] == ':' ? 12 : 13, start);
            }

            // A leading ^, \E, \Q\E (and space or tab with xx) before the first real character, which may be ']'.
            var extendedMore = (_options & Options.ExtendedMore) != 0;
            var negated = false;
            var at = -1;
            while (_pos < End)
            {
                at = _pos;
                var first = _p[_pos++];
                if (first == '\\' && _pos < End && _p[_pos] == 'E')
                {
                    _pos++;
                }
                else if (first == '\\' && End - _pos >= 3 && string.CompareOrdinal(_p, _pos, "Q\\E", 0, 3) == 0)
                {
                    _pos += 3;
                }
                else if (!(extendedMore && first is ' ' or '\t') && (negated || first != '^'))
                {
                    _pos = at;
                    break;
                }
                else
                {
                    negated |= first == '^';
                }

                at = -1;
            }

            if (at < 0)
            {
                // Only skipped text until the end; PCRE2 then looks at the last character it read again.
                return _pos >= 2 && _p[_pos - 2] == '\\' && _p[_pos - 1] == 'E' ? Fail(1, End) : Fail(6, End);
            }

            return ClassBody() ? 1 : Failed;
        }

        private RangeState _range;
        private int _rangeFirst;

        /// <summary>The members of a class from its first character to the closing ']'.</summary>
        private bool ClassBody()
        {
            var extendedMore = (_options & Options.ExtendedMore) != 0;
            var quoting = false;
            _range = RangeState.None;
            var first = true;
            while (true)
            {
                if (!first && _pos >= End)
                {
                    Fail(6, _pos);
                    return false;
                }

                var at = _pos;
                var c = _p[_pos];
                if (!first && c == ']' && !quoting)
                {
                    _pos++;
                    return true;
                }

                first = false;
                if (quoting)
                {
                    if (c == '\\' && _pos + 1 < End && _p[_pos + 1] == 'E')
                    {
                        _pos += 2;
                        quoting = false;
                        continue;
                    }

                    if (!ClassCharacter(at))
                    {
                        return false;
                    }

                    continue;
                }

                if (extendedMore && c is ' ' or '\t')
                {
                    _pos++;
                    continue;
                }

                if (c == '[' && End - _pos >= 4 && _p[_pos + 1] is ':' or '.' or '=' && PosixSyntax(_pos + 1, out var end))
                {
                    if (!PosixClass(end))
                    {
                        return false;
                    }

                    continue;
                }

                if (c == '-' && _range == RangeState.CanStart)
                {
                    _pos++;
                    _range = RangeState.Started;
                    continue;
                }

                if (c != '\\')
                {
                    if (!ClassCharacter(at))
                    {
                        return false;
                    }

                    continue;
                }

                if (!ClassEscape(ref quoting))
                {
                    return false;
                }
            }
        }

        /// <summary>A literal character of a class, at 'at'; in non-UTF mode a non-ASCII one is several bytes, the first ending a range.</summary>
        private bool ClassCharacter(int at)
        {
            var c = CodePointAt(at, out var width);
            _pos = at + width;
            if (_utf || c < 0x80)
            {
                return ClassUnit(c, c, false, at);
            }

            var lead = c < 0x800 ? 0xc0 | (c >> 6) : c < 0x10000 ? 0xe0 | (c >> 12) : 0xf0 | (c >> 18);
            return ClassUnit(lead, 0x80 | (c & 0x3f), true, at);
        }

        /// <summary>A character (first and last code unit) of a class: it ends a started range or may start one.</summary>
        private bool ClassUnit(int first, int last, bool several, int at)
        {
            if (_range == RangeState.Started)
            {
                if (first < _rangeFirst)
                {
                    Fail(8, at);
                    return false;
                }

                _range = several ? RangeState.CanStart : RangeState.None;
            }
            else
            {
                _range = RangeState.CanStart;
            }

            _rangeFirst = last;
            return true;
        }

        /// <summary>[:name:] or [:^name:] inside a class, ending at 'end' (the ':' before "]").</summary>
        private bool PosixClass(int end)
        {
            if (_range == RangeState.Started)
            {
                Fail(50, _pos + 1);
                return false;
            }

            if (_p[_pos + 1] != ':')
            {
                Fail(13, _pos);
                return false;
            }

            _pos += 2;
            if (_p[_pos] == '^')
            {
                _pos++;
            }

            if (IndexOf(PosixNames, _p.AsSpan(_pos, end - _pos)) < 0)
            {
                Fail(30, _pos);
                return false;
            }

            _pos = end + 2;
            _range = RangeState.None;
            return NoHyphenAfterSet();
        }

        /// <summary>A '-' after \d or [:alpha:] is an error unless it is the class's last character.</summary>
        private bool NoHyphenAfterSet()
        {
            if (_pos < End - 1 && _p[_pos] == '-' && _p[_pos + 1] != ']')
            {
                Fail(50, _pos);
                return false;
            }

            return true;
        }

        private bool ClassEscape(ref bool quoting)
        {
            var escape = ReadEscape(true, out var value);
            switch (escape)
            {
                case Escape.Failed:
                    return false;
                case Escape.Code:
                    return ClassUnit(value, value, false, _pos - 1);
                case Escape.Literal:
                    return ClassCharacter(_pos - (value > 0xffff ? 2 : 1));
                case Escape.Quote:
                    quoting = true;
                    return true;
                case Escape.EndQuote:
                    return true;
                case Escape.Assertion or Escape.Variable when _p[_pos - 1] is 'B' or 'R' or 'X':
                    Fail(7, _pos - 1);
                    return false;
            }

            if (_range == RangeState.Started)
            {
                Fail(50, _pos);
                return false;
            }

            _range = RangeState.None;
            if (escape == Escape.NotNewline)
            {
                Fail(71, _pos);
                return false;
            }

            if (escape is not (Escape.Set or Escape.Property))
            {
                Fail(7, _pos - 1);
                return false;
            }

            return (escape != Escape.Property || Property()) && NoHyphenAfterSet();
        }

        /// <summary>Whether "[:", "[." or "[=" at 'at' (the ':', '.' or '=') is closed by the same character and ']'; end is that character.</summary>
        private readonly bool PosixSyntax(int at, out int end)
        {
            var terminator = _p[at];
            for (var p = at + 1; End - p >= 2; p++)
            {
                if (_p[p] == '\\' && _p[p + 1] is ']' or '\\')
                {
                    p++;
                }
                else if ((_p[p] == '[' && _p[p + 1] == terminator) || _p[p] == ']')
                {
                    break;
                }
                else if (_p[p] == terminator && _p[p + 1] == ']')
                {
                    end = p;
                    return true;
                }
            }

            end = -1;
            return false;
        }
    }
}
