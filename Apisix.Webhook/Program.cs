// The admission webhook is built in its own issue; until then it only answers health probes, so that
// nothing pretends to validate.
var builder = WebApplication.CreateSlimBuilder(args);
var app = builder.Build();
app.MapGet("/healthz", () => Results.Text("ok"));
app.Run();
