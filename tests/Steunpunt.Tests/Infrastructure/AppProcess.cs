using System.Diagnostics;
using System.Net.Sockets;

namespace Steunpunt.Tests.Infrastructure;

/// <summary>
/// The built app as its own operating-system process on 127.0.0.1, for tests that must kill it for real
/// (SIGKILL) and start it again on the same database.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    public string BaseAddress { get; }

    private readonly System.Text.StringBuilder _output = new();

    /// <summary>What the process wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private AppProcess(Process process, string baseAddress) => (_process, BaseAddress) = (process, baseAddress);

    /// <summary>The app's own build output, next to this test project's (same configuration).</summary>
    public static string AppDll()
    {
        var here = AppContext.BaseDirectory; // tests/Steunpunt.Tests/bin/<Configuration>/net10.0/
        var configuration = new DirectoryInfo(here.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var root = Path.GetFullPath(Path.Combine(here, "../../../../.."));
        var dll = Path.Combine(root, "src", "Steunpunt", "bin", configuration, "net10.0", "Steunpunt.dll");
        Assert.True(File.Exists(dll), $"The app is not built at {dll}.");
        return dll;
    }

    public static async Task<AppProcess> StartAsync(string provider, string connection, IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var address = $"http://127.0.0.1:{port}";
        var dll = AppDll();
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", address])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = provider;
        start.Environment["ConnectionStrings__Steunpunt"] = connection;
        start.Environment["Privacy__Key"] = SteunpuntApp.TestKey; // settings may name another
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Web__PublicBaseAddress"] = address;
        start.Environment["Startup__PauseBeforeWhileServing"] = "00:00:00"; // tests wait for the whole start
        start.Environment["Web__SecureCookies"] = "false"; // plain HTTP on loopback; production defaults are tested in-process
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var process = Process.Start(start)!;
        var app = new AppProcess(process, address);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 300; i++)
        {
            Assert.False(process.HasExited, "The app process stopped while starting:\n" + app.Output);
            try
            {
                if ((await http.GetAsync(address + "/gezondheid/klaar")).IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        await app.DisposeAsync();
        throw new TimeoutException("The app process did not become healthy within a minute.");
    }

    /// <summary>SIGKILL: no shutdown, no flushing, no finally blocks.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            KillHard();
        }
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
