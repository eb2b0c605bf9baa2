using System.Runtime.InteropServices;
using System.Text;

namespace Apisix.Translation.Tests.Validation;

/// <summary>
/// <see cref="PcreSyntax"/> against the real thing: where libpcre2-8 10.42 is installed (Debian 12, the machines this
/// project builds on, and .ci/run installs), random patterns made of PCRE's building blocks get the same error number
/// from both. Without that library the test fails rather than pass without comparing.
/// </summary>
public sealed class PcreSyntaxOracleTests
{
    private static readonly string[] Pieces =
    [
        "(", ")", "|", "a", "bc", "é", "😀", "*", "+", "?", "{2}", "{1,3}", "{,3}", "{3,2}", "(?<n>", "(?'m'", "(?P<n>",
        "(?J)", "(?|", "\\k<n>", "\\k{m}", "(?P=n)", "(?&m)", "\\g<n>", "\\g{-1}", "\\g1", "\\1", "\\2", "\\10", "(?1)",
        "(?-1)", "(?R)", "(?:", "(?>", "(?=", "(?!", "(?<=", "(?<!", "(*plb:", "(*napla:", "(?(", "(?(1)", "(?(<n>)",
        "(?(R)", "(?(DEFINE)", "(?(?=a)", "(?C1)", "(?x)", "(?xx)", "(?-x)", "(?n)", "(?i)", "(?^)", "#", "\n", " ",
        "\\Q", "\\E", "[", "]", "[^", "-", "[:alpha:]", "\\d", "\\w", "\\p{L}", "\\p{Greek}", "\\pN", "\\x{41}",
        "\\x{100}", "\\o{101}", "\\101", "\\0", "\\99999", "\\123456", "\\70000", "\\cA", "\\R", "\\X", "\\C", "\\K", "\\b", "\\N", "\\h", "^", "$", ".",
        "(*ACCEPT)", "(*FAIL)", "(*MARK:x)", "(*SKIP)", "(*UTF)", "\\", "\\i",
    ];

    [Fact]
    public void RandomPatterns_GetTheErrorNumberLibpcre2Gives()
    {
        // CI installs it (.ci/run); without it this test would compare nothing, so it fails instead of passing.
        using var pcre = Libpcre2.Open();
        Assert.True(pcre is not null, "libpcre2-8 10.42 is not installed (apt-get install libpcre2-8-0 on Debian 12)");

        var random = new Random(42);
        var differences = new List<string>();
        for (var i = 0; i < 20_000 && differences.Count < 10; i++)
        {
            var pattern = new StringBuilder();
            for (var pieces = random.Next(1, 11); pieces > 0; pieces--)
            {
                pattern.Append(Pieces[random.Next(Pieces.Length)]);
            }

            var text = pattern.ToString();
            var expected = pcre!.ErrorNumber(text);
            var actual = PcreSyntax.Diagnose(text)?.Code ?? 0;
            if (expected != actual)
            {
                differences.Add($"{text.Replace("\n", "\\n", StringComparison.Ordinal)}: libpcre2 {expected}, PcreSyntax {actual}");
            }
        }

        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    /// <summary>pcre2_compile of the installed libpcre2-8, found at run time; null when it is not there or not 10.42.</summary>
    private sealed class Libpcre2 : IDisposable
    {
        private const uint ConfigVersion = 11;

        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        private delegate IntPtr CompileFunction(byte[] pattern, nuint length, uint options, out int errorCode, out nuint errorOffset, IntPtr context);

        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        private delegate void FreeFunction(IntPtr code);

        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        private delegate int ConfigFunction(uint what, byte[] where);

        private readonly IntPtr _library;
        private readonly CompileFunction _compile;
        private readonly FreeFunction _free;

        private Libpcre2(IntPtr library)
        {
            _library = library;
            _compile = Marshal.GetDelegateForFunctionPointer<CompileFunction>(NativeLibrary.GetExport(library, "pcre2_compile_8"));
            _free = Marshal.GetDelegateForFunctionPointer<FreeFunction>(NativeLibrary.GetExport(library, "pcre2_code_free_8"));
        }

        public static Libpcre2? Open()
        {
            if (!NativeLibrary.TryLoad("libpcre2-8.so.0", out var library))
            {
                return null;
            }

            var config = Marshal.GetDelegateForFunctionPointer<ConfigFunction>(NativeLibrary.GetExport(library, "pcre2_config_8"));
            var version = new byte[64];
            config(ConfigVersion, version);
            if (!Encoding.ASCII.GetString(version).StartsWith("10.42 ", StringComparison.Ordinal))
            {
                NativeLibrary.Free(library);
                return null;
            }

            return new Libpcre2(library);
        }

        /// <summary>PCRE2's error number less 100, or 0 when the pattern compiles (as APISIX compiles it: no options).</summary>
        public int ErrorNumber(string pattern)
        {
            var bytes = Encoding.UTF8.GetBytes(pattern);
            var code = _compile(bytes.Length == 0 ? [0] : bytes, (nuint)bytes.Length, 0, out var error, out _, IntPtr.Zero);
            if (code == IntPtr.Zero)
            {
                return error - 100;
            }

            _free(code);
            return 0;
        }

        public void Dispose() => NativeLibrary.Free(_library);
    }
}
