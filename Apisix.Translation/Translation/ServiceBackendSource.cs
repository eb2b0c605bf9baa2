namespace Apisix.Translation;

/// <summary>The Kubernetes Service port an upstream was built from.</summary>
/// <param name="Namespace">The Service's namespace.</param>
/// <param name="Service">The Service's name.</param>
/// <param name="Port">The Service port number.</param>
public sealed record ServiceBackendSource(string Namespace, string Service, int Port);
