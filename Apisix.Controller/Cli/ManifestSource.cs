using Apisix.Translation.Manifests;

namespace Apisix.Controller.Cli;

/// <summary>
/// Reads the manifests named by <c>-f</c>: files, folders (their *.yaml, *.yml and *.json files, recursively,
/// in ordinal order), or <c>-</c> for standard input.
/// </summary>
internal static class ManifestSource
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>The maximum size of one input file; larger ones are refused, not read.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>Reads every path; an unreadable one sets <paramref name="error"/> and stops.</summary>
    public static ManifestReadResult? Read(IEnumerable<string> paths, TextReader stdin, out string? error)
    {
        var results = new List<ManifestReadResult>();
        foreach (var path in paths)
        {
            if (path == "-")
            {
                results.Add(ManifestReader.Read(stdin.ReadToEnd(), "-"));
                continue;
            }

            IEnumerable<string> files;
            if (Directory.Exists(path))
            {
                files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal);
            }
            else if (File.Exists(path))
            {
                files = [path];
            }
            else
            {
                error = $"{path}: no such file or directory";
                return null;
            }

            foreach (var file in files)
            {
                var length = new FileInfo(file).Length;
                if (length > MaxFileBytes)
                {
                    error = $"{file}: {length} bytes is more than the {MaxFileBytes} bytes a manifest may have";
                    return null;
                }

                try
                {
                    results.Add(ManifestReader.Read(File.ReadAllText(file), file));
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    error = $"{file}: {exception.Message}";
                    return null;
                }
            }
        }

        error = null;
        return ManifestReadResult.Combine(results);
    }
}
