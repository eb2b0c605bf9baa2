using System.Text;
using System.Text.RegularExpressions;

namespace Apisix.Translation.Tests.Validation;

/// <summary>
/// <see cref="PcreSyntax"/> against PCRE2 10.42, the judge of the regexes APISIX compiles (ngx.re with "jo"): each
/// line of <see cref="Table"/> is a pattern and "ok" or a fragment of the error, as PCRE2 10.42 gives them
/// (checked against libpcre2-8 itself when the table was written).
/// </summary>
public sealed partial class PcreSyntaxTests
{
    /// <summary>"pattern => ok" or "pattern => error fragment", with "  # note" after it if need be; # lines are headings.</summary>
    private const string Table = """
        # Plain patterns APISIX users write
        ^/api/(.*) => ok
        ^/v1/users/(\d+)$ => ok
        ^/(?<service>[a-z]+)/(.*)$ => ok
        /static/.*\.(css|js|png)$ => ok
        ^(?i)/admin => ok
        ^/[^/]+/[^/]+$ => ok
        \.php$ => ok
        # Possessive quantifiers (.NET rejects them)
        a++ => ok
        a*+ => ok
        a?+ => ok
        a{2,3}+ => ok
        ^/api/.*+$ => ok
        # Python-style named groups, back references and calls
        (?P<name>x) => ok
        (?P<id>\d+)-(?P=id) => ok
        (?P<n>a|b(?P>n)) => ok
        # \K, branch reset, recursion, subroutine calls
        foo\Kbar => ok
        (?|(a)|(b))\1 => ok
        (?|(?<x>a)|(?<x>b)) => ok
        \((?:[^()]|(?R))*\) => ok
        (a)(?1) => ok
        (?<n>a)(?&n) => ok
        (a)\g<1> => ok
        (?<n>a)\g<n> => ok
        (a)\g'1' => ok
        (?<n>a)\g'n' => ok
        (a)(?-1) => ok
        (?+1)(a) => ok
        (?0) => ok
        # \Q...\E
        \Q.*+?\E => ok
        \Qab => ok
        a\Q\E* => ok
        # Escapes .NET lacks
        \h\H\v\V => ok
        \R => ok
        \N => ok
        \X => ok
        (*UTF)\x{263a} => ok  # (*UTF) at the start turns UTF mode on
        \x{ff} => ok
        \o{101} => ok
        \e\a\f\n\r\t\0 => ok
        \cA\cz => ok
        \C => ok
        # Conditionals
        (a)?(?(1)b|c) => ok
        (?<n>a)?(?(<n>)b|c) => ok
        (?<n>a)?(?('n')b|c) => ok
        (?<n>a)?(?(n)b|c) => ok
        (?(R)a|b) => ok
        (a(?(R1)b|c)) => ok
        (?(?=a)ab|cd) => ok
        (?(?<!x)a|b) => ok
        (?(DEFINE)(?<d>\d+))(?&d) => ok
        (?(VERSION>=10.4)a|b) => ok
        # Callouts (out of scope, accepted)
        (?C) => ok
        (?C12)a => ok
        (?C"text")a => ok
        # Options
        (?i)a => ok
        (?n)(a) => ok
        (?J)(?<d>a)|(?<d>b) => ok
        (?xx)[a b] => ok
        (?^)a => ok
        (?s-m:a.) => ok
        (?U)a+ => ok
        # Extended mode
        (?x) a  b  # comment => ok
        (?x)a * => ok
        (?x)[ ] => ok
        (?x)\  => ok
        (?x)a#( => ok
        # Verbs and alphabetic assertions
        a(*SKIP)(*FAIL)|b => ok
        (*ACCEPT)? => ok
        (*MARK:m)a => ok
        (*:m)a => ok
        (*pla:a) => ok
        (*positive_lookbehind:a) => ok
        (*atomic:a+) => ok
        (*UTF)(*UCP)\w => ok
        (*LIMIT_MATCH=1000)a => ok
        # Unicode properties
        \p{L} => ok
        \pL => ok
        \p{^Lu} => ok
        \P{Greek} => ok
        \p{sc:Latin} => ok
        \p{Han} => ok
        \p{Xwd} => ok
        \p{L&} => ok
        # POSIX classes
        [[:alpha:]] => ok
        [[:^digit:]_] => ok
        [[:<:]]a => ok
        # Lookbehinds of fixed length (PCRE2 10.42)
        (?<=ab)c => ok
        (?<=a|bcd)e => ok  # top-level branches may differ in length
        (?<!\d{3})x => ok
        (?<=a(?:b|c))d => ok
        (a)(?<=\1) => ok  # a back reference to a group of fixed length
        # .NET-only syntax: class subtraction, balancing groups, block names, other option letters
        [a-z-[aeiou]] => ok  # a class and then a literal ], not .NET's class subtraction
        (?<a-b>x) => syntax error in subpattern name (missing terminator?) at offset 4
        (?'a-b'x) => syntax error in subpattern name (missing terminator?) at offset 4
        (?<-a>x) => subpattern name expected at offset 3
        \p{IsGreek} => unknown property after \P or \p at offset 11
        \p{InGreek} => unknown property after \P or \p at offset 11
        (?e) => unrecognized character after (? or (?- at offset 2
        (?r) => unrecognized character after (? or (?- at offset 2
        (?a) => unrecognized character after (? or (?- at offset 2
        \x{263a} => character code point value in \x{} or \o{} is too large at offset 7  # APISIX compiles with "jo", no UTF mode: one byte at most
        \u0041 => PCRE2 does not support \F, \L, \l, \N{name}, \U, or \u at offset 2
        \A\Z\z\G => ok
        # Unbalanced parentheses and brackets
        (a => missing closing parenthesis at offset 2
        a) => unmatched closing parenthesis at offset 1
        ((a) => missing closing parenthesis at offset 4
        [a => missing terminating ] for character class at offset 2
        [] => missing terminating ] for character class at offset 2
        [^] => missing terminating ] for character class at offset 3
        [a\] => missing terminating ] for character class at offset 4
        (?:a => missing closing parenthesis at offset 4
        # Quantifiers that follow nothing, or another quantifier
        *a => quantifier does not follow a repeatable item at offset 0
        a** => quantifier does not follow a repeatable item at offset 2
        a+* => quantifier does not follow a repeatable item at offset 2
        a{2}{3} => quantifier does not follow a repeatable item at offset 6
        a{2}* => quantifier does not follow a repeatable item at offset 4
        ^* => quantifier does not follow a repeatable item at offset 1  # .NET repeats anchors
        $? => quantifier does not follow a repeatable item at offset 1
        |* => quantifier does not follow a repeatable item at offset 1
        (*) => quantifier does not follow a repeatable item at offset 1
        (?i)* => quantifier does not follow a repeatable item at offset 4
        \b+ => quantifier does not follow a repeatable item at offset 2
        a{,3} => ok  # a literal {,3} before PCRE2 10.43
        x{ => ok  # a literal {
        a{3,2} => numbers out of order in {} quantifier at offset 5
        a{65536} => number too big in {} quantifier at offset 7
        # Classes
        [z-a] => range out of order in character class at offset 3
        [a-a] => ok
        [\d-z] => invalid range in character class at offset 3
        [a-\w] => invalid range in character class at offset 5
        [[:foo:]] => unknown POSIX class name at offset 3
        [[:alpha:]-z] => invalid range in character class at offset 10
        [:alpha:] => POSIX named classes are supported only within a class at offset 0  # .NET takes it for a class of : a l p h
        [.a.] => POSIX collating elements are not supported at offset 0
        [[=a=]] => POSIX collating elements are not supported at offset 1
        [\B] => escape sequence is invalid in character class at offset 2
        [\N] => \N is not supported in a class at offset 3
        # Escapes
        \i => unrecognized character follows \ at offset 1
        \y => unrecognized character follows \ at offset 1
        \L => PCRE2 does not support \F, \L, \l, \N{name}, \U, or \u at offset 2
        \u => PCRE2 does not support \F, \L, \l, \N{name}, \U, or \u at offset 2
        \N{name} => PCRE2 does not support \F, \L, \l, \N{name}, \U, or \u at offset 2
        \c => \c at end of pattern at offset 2
        a\ => \ at end of pattern at offset 2
        \x{110000} => character code point value in \x{} or \o{} is too large at offset 9
        (*UTF)\x{110000} => character code point value in \x{} or \o{} is too large at offset 15
        (*UTF)\x{d800} => disallowed Unicode code point (>= 0xd800 && <= 0xdfff) at offset 13
        \x{} => digits missing in \x{} or \o{} or \N{U+} at offset 3
        \x{zz} => non-hex character in \x{} (closing brace missing?) at offset 3
        \o{8} => non-octal character in \o{} (closing brace missing?) at offset 3
        \o12 => missing opening brace after \o at offset 2
        \400 => octal value is greater than \377 in 8-bit non-UTF-8 mode at offset 4
        \g => \g is not followed by a braced, angle-bracketed, or quoted name/number or by a plain number at offset 2
        \k => \k is not followed by a braced, angle-bracketed, or quoted name at offset 2
        \p{Foo} => unknown property after \P or \p at offset 7
        \p{L => malformed \P or \p sequence at offset 4
        # References and names
        \2(a) => reference to non-existent subpattern
        (a)\2 => reference to non-existent subpattern
        (?P=nope) => reference to non-existent subpattern
        (?&nope) => reference to non-existent subpattern
        (?(nope)a) => reference to non-existent subpattern at offset 3
        (?(2)a) => reference to non-existent subpattern
        \g{-2}(a) => reference to non-existent subpattern at offset 2
        (?<n>a)(?<n>b) => two named subpatterns have the same name (PCRE2_DUPNAMES not set) at offset 12
        (?<1a>x) => subpattern name must start with a non-digit at offset 3
        (?<>x) => subpattern name expected at offset 3
        (?<abcdefghijklmnopqrstuvwxyz0123456>x) => subpattern name is too long (maximum 32 code units) at offset 36
        (?P<n>x => missing closing parenthesis at offset 7
        (?Px) => unrecognized character after (?P at offset 3
        (?R => (?R (recursive pattern call) must be followed by a closing parenthesis at offset 3
        (?+0) => a relative value of zero is not allowed at offset 4
        # Groups, options, verbs
        (?#comment => missing ) after (?# comment at offset 10
        (? => missing closing parenthesis at offset 2
        (?i => missing closing parenthesis at offset 3
        (?^-i) => invalid hyphen in option setting at offset 3
        (*FOO) => (*VERB) not recognized or malformed at offset 5
        (*foo:x) => (*alpha_assertion) not recognized at offset 5
        (*MARK) => (*MARK) must have an argument at offset 6
        (*COMMIT)+ => quantifier does not follow a repeatable item at offset 9
        (*LIMIT_MATCH=x)a => (*VERB) not recognized or malformed at offset 14
        (?C256) => number after (?C is greater than 255 at offset 6
        (?Cx) => unrecognized string delimiter follows (?C at offset 3
        # Conditionals gone wrong
        (a)(?(1)b|c|d) => conditional subpattern contains more than two branches at offset 3
        (?(DEFINE)a|b) => DEFINE subpattern contains more than one branch at offset 3
        (?(?:a)b) => assertion expected after (?( or (?(?C) at offset 2
        (?(1 => missing closing parenthesis for condition at offset 4
        # Lookbehinds that are not of fixed length (before PCRE2 10.43)
        (?<=a+)b => lookbehind assertion is not fixed length at offset 0  # 10.43 accepts variable-length lookbehinds; APISIX's PCRE2 does not
        (?<=ab?)c => lookbehind assertion is not fixed length at offset 0
        (?<=a(b|cd))e => lookbehind assertion is not fixed length at offset 0  # nested ones may not (10.42; 10.43 lifts it)
        (?<=x{2,3}) => lookbehind assertion is not fixed length at offset 0
        (?<=\R)a => lookbehind assertion is not fixed length at offset 0
        (a|bc)(?<=\1) => lookbehind assertion is not fixed length at offset 6
        (?<=a\K) => \K is not allowed in lookarounds (but see PCRE2_EXTRA_ALLOW_LOOKAROUND_BSK)
        (?=\K) => \K is not allowed in lookarounds (but see PCRE2_EXTRA_ALLOW_LOOKAROUND_BSK)
        (?<=x{32768}x{32768}) => lookbehind assertion is too long at offset 0
        (*UTF)(?<=\C) => \C is not allowed in a lookbehind assertion in UTF-8 mode
        """;

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in Table.Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var arrow = line.IndexOf(" => ", StringComparison.Ordinal);
            var expected = line[(arrow + 4)..];
            var note = expected.IndexOf("  # ", StringComparison.Ordinal);
            data.Add(line[..arrow], note < 0 ? expected : expected[..note]);
        }

        return data;
    }

    [Fact]
    public void ManyReferencesInsideLookbehinds_AreRefusedAsTooComplex_NotMeasuredForever()
    {
        // Each reference inside a lookbehind measures its group by parsing the pattern again, and references
        // inside that group do so again: without a budget, these took minutes of CPU (a webhook stall).
        var nested = $"(?<={string.Concat(Enumerable.Repeat(@"\1", 11))})({string.Concat(Enumerable.Repeat(@"\1", 11))}a)";
        var wide = "(a)(?<=" + string.Concat(Enumerable.Repeat(@"\1", 20_000)) + ")";

        Assert.StartsWith("too many references inside lookbehinds", PcreSyntax.Error(nested), StringComparison.Ordinal);
        Assert.StartsWith("too many references inside lookbehinds", PcreSyntax.Error(wide), StringComparison.Ordinal);

        // A few references are still measured as PCRE2 measures them.
        Assert.Null(PcreSyntax.Error(@"(a)(?<=\1\1)b"));
        Assert.Contains("not fixed length", PcreSyntax.Error(@"(a+)(?<=\1)b"), StringComparison.Ordinal);
    }

    [Fact]
    public void AHugeBadPattern_IsShownCut_InTheMessage()
    {
        var pattern = "/api/(" + new string('a', 100_000);
        var config = new System.Text.Json.Nodes.JsonObject { ["regex_uri"] = new System.Text.Json.Nodes.JsonArray(pattern, "/$1") };

        var problem = Assert.Single(Apisix.Translation.Validation.PluginValidator.Validate("proxy-rewrite", config, "config", null, Apisix.Translation.Validation.ValidationOptions.Default));

        Assert.InRange(problem.Message.Length, 200, 400);
        Assert.Contains("…' is not a valid regular expression: missing closing parenthesis", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_IsLarge() => Assert.True(Cases().Count >= 120, $"only {Cases().Count} patterns");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pattern_GetsPcre2Verdict(string pattern, string expected)
    {
        var error = PcreSyntax.Error(pattern);
        if (expected == "ok")
        {
            Assert.True(error is null, $"{pattern}: expected ok, got '{error}'");
        }
        else
        {
            Assert.True(error?.Contains(expected, StringComparison.Ordinal) == true, $"{pattern}: expected '{expected}', got '{error ?? "ok"}'");
        }
    }

    [Fact]
    public void RandomPatterns_NeverThrow_AndAgreeWithDotNetWhereTheDialectsAgree()
    {
        const string Alphabet = @"ab()[]{}*+?|\^$.-,12:P<>=";
        var random = new Random(20261125);
        var compared = 0;
        for (var i = 0; i < 2000; i++)
        {
            var pattern = new StringBuilder();
            for (var length = random.Next(1, 9); length > 0; length--)
            {
                pattern.Append(Alphabet[random.Next(Alphabet.Length)]);
            }

            var text = pattern.ToString();
            var pcre = PcreSyntax.Error(text) is null;
            if (text.Contains('\\') || text.Contains("(?", StringComparison.Ordinal) || text.Contains("[[:", StringComparison.Ordinal) || text.Contains('{') || Possessive().IsMatch(text))
            {
                continue;
            }

            compared++;
            var dotnet = RegexCheck.TryCompile(text) is not null;
            if (pcre != dotnet)
            {
                // Where the dialects truly differ, PCRE's answer is the one APISIX gives.
                var difference = KnownDifference(text);
                Assert.True(difference is not null, $"'{text}': PCRE says {(pcre ? "valid" : "invalid")}, .NET {(dotnet ? "valid" : "invalid")}, and no known difference explains it");
                Assert.True(pcre == difference.Value.PcreValid, $"'{text}': {difference.Value.Why}, so PCRE should say {(difference.Value.PcreValid ? "valid" : "invalid")}");
            }
        }

        Assert.True(compared > 500, $"only {compared} patterns in the common subset");
    }

    /// <summary>The ways the two dialects part on patterns of the test's alphabet without \, (?, [[:, { or possessive quantifiers.</summary>
    private static (bool PcreValid, string Why)? KnownDifference(string pattern)
    {
        if (AnchorRepeated().IsMatch(pattern))
        {
            return (false, "PCRE does not repeat ^ or $ (.NET does)");
        }

        if (pattern.Contains("(*:", StringComparison.Ordinal))
        {
            return (true, "(*:name) sets a mark in PCRE; .NET has no such thing");
        }

        if (TopLevelPosixClass().IsMatch(pattern))
        {
            return (false, "PCRE refuses [:...:], [.....] and [=...=] outside a class (.NET reads a class)");
        }

        if (pattern.Contains("-[", StringComparison.Ordinal))
        {
            return (true, "-[ in a class is a .NET class subtraction; to PCRE a '-' and a '['");
        }

        return null;
    }

    [GeneratedRegex(@"[*+?}]\+")]
    private static partial Regex Possessive();

    [GeneratedRegex(@"[\^$][*+?]")]
    private static partial Regex AnchorRepeated();

    [GeneratedRegex(@"\[([:.=]).*\1\]")]
    private static partial Regex TopLevelPosixClass();
}
