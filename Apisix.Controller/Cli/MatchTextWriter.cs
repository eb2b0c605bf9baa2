using System.Globalization;
using Apisix.Translation.Simulation;

namespace Apisix.Controller.Cli;

/// <summary>Prints a <see cref="MatchResult"/> for people.</summary>
internal static class MatchTextWriter
{
    public static void Write(TextWriter output, MatchResult result)
    {
        if (result.Route is { } route)
        {
            output.WriteLine($"route:    {route.Id}{(route.Name is null ? string.Empty : $" ({route.Name})")}{(result.Owner is null ? string.Empty : $" from {result.Owner}")}");
        }
        else
        {
            output.WriteLine(result.Undetermined ? "route:    undetermined" : "route:    none");
        }

        output.WriteLine("why:");
        foreach (var reason in result.Reasons)
        {
            output.WriteLine($"  - {reason}");
        }

        if (!result.Plugins.IsEmpty)
        {
            output.WriteLine("plugins:");
            foreach (var plugin in result.Plugins)
            {
                output.WriteLine($"  - {plugin.Name} ({plugin.Source}): {plugin.Config}");
            }
        }

        if (result.Answer is { } answer)
        {
            output.WriteLine($"answer:   APISIX answers {answer.Status}{(answer.Plugin is null ? string.Empty : $" ({answer.Plugin})")}{(answer.Location is null ? string.Empty : $", Location: {answer.Location}")}");
        }

        foreach (var upstream in result.Upstreams)
        {
            var backend = upstream.Backend is { } source ? $" -> Service {source.Namespace}/{source.Service}:{source.Port}" : string.Empty;
            output.WriteLine($"upstream: {upstream.UpstreamId} weight {upstream.Weight} ({(upstream.Share * 100).ToString("0.#", CultureInfo.InvariantCulture)}%){backend}");
        }

        if (result.UpstreamPath is not null && result.Route is not null)
        {
            output.WriteLine($"forward:  {result.UpstreamHost}{result.UpstreamPath}");
        }

        foreach (var mirror in result.Mirrors)
        {
            output.WriteLine($"mirror:   {mirror.Backend?.Namespace}/{mirror.Backend?.Service} ({(mirror.Share * 100).ToString("0.#", CultureInfo.InvariantCulture)}%)");
        }

        if (result.Consumer is not null)
        {
            output.WriteLine($"consumer: {result.Consumer}");
        }

        foreach (var note in result.Notes)
        {
            output.WriteLine($"note:     {note}");
        }
    }
}
