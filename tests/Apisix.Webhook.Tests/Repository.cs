namespace Apisix.Webhook.Tests;

/// <summary>The checkout the tests run from (certs/, charts/, README.md).</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Apisix.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Apisix.sln not found above the test binaries");
        }

        return root;
    }
}
