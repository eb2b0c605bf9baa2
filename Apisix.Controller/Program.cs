using Apisix.Controller.Cli;

return CliApp.Run(args, Console.In, Console.Out, Console.Error);
