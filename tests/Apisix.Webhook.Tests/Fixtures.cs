using System.Text.Json.Nodes;

namespace Apisix.Webhook.Tests;

/// <summary>AdmissionReview requests as kube-apiserver sends them.</summary>
internal static class Fixtures
{
    public static string Review(string group, string kind, string obj, string operation = "CREATE", string? oldObj = null, string uid = "705ab4f5-6393-11e8-b7cc-42010a800002")
    {
        var request = new JsonObject
        {
            ["uid"] = uid,
            ["kind"] = new JsonObject { ["group"] = group, ["version"] = "v2", ["kind"] = kind },
            ["operation"] = operation,
            ["object"] = JsonNode.Parse(obj),
        };
        if (oldObj is not null)
        {
            request["oldObject"] = JsonNode.Parse(oldObj);
        }

        return new JsonObject { ["apiVersion"] = "admission.k8s.io/v1", ["kind"] = "AdmissionReview", ["request"] = request }.ToJsonString();
    }

    public const string Route = """
        {"apiVersion":"apisix.apache.org/v2","kind":"ApisixRoute","metadata":{"name":"api","namespace":"shop"},
         "spec":{"http":[{"name":"v1","match":{"paths":["/v1/*"]},"backends":[{"serviceName":"api","servicePort":80}],
           "plugins":[{"name":"limit-count","config":{"count":10,"time_window":60}}]}]}}
        """;

    public const string BadRoute = """
        {"apiVersion":"apisix.apache.org/v2","kind":"ApisixRoute","metadata":{"name":"api","namespace":"shop"},
         "spec":{"http":[{"name":"v1","match":{"paths":["/v1/*"],"methods":["FETCH"]},"backends":[{"serviceName":"api","servicePort":80}],
           "plugins":[{"name":"limit-count","enable":true,"config":{"count":10,"time_window":60,"rejected_code":600}}]}]}}
        """;

    public static string WithClass(string obj, string className)
    {
        var node = JsonNode.Parse(obj)!.AsObject();
        node["spec"]!["ingressClassName"] = className;
        return node.ToJsonString();
    }
}
