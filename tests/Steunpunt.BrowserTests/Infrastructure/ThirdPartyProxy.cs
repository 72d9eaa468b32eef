using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Steunpunt.BrowserTests.Infrastructure;

/// <summary>
/// The proxy of a test's browser contexts: every request that is not for the app under test goes here (see
/// <see cref="BrowserFixture.NewPageAsync"/>), and this writes down what was asked for and refuses it. So nothing
/// leaves the machine, not even a name lookup, and a test can assert that no page asked another host for anything.
/// Chromium sends the requests for our own server past it (the context's bypass list), so they are not held up on
/// their way: Playwright's request interception, which did this before, sent every request of every page through
/// the Playwright driver and this process first.
/// </summary>
public sealed class ThirdPartyProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentBag<Task> _refusals = [];
    private readonly Task _accepting;

    public ThirdPartyProxy()
    {
        _listener.Start();
        Server = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _accepting = AcceptAsync();
    }

    /// <summary>The proxy's address, for a browser context's proxy setting.</summary>
    public string Server { get; }

    /// <summary>What was asked for: the address of a plain request, or https://host:port for a tunnel the browser asked
    /// for (https, but also a web socket): of those it names only the host and port to a proxy.</summary>
    public ConcurrentBag<string> Requests { get; } = [];

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException || _stopping.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                // A failed accept (the connection was reset before it was taken, or no file handle was free) is not the
                // end: the listener stays open, so requests would otherwise wait in its queue unlisted.
                await Task.Delay(50);
                continue;
            }
            _refusals.Add(RefuseAsync(client));
        }
    }

    private async Task RefuseAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                timeout.CancelAfter(TimeSpan.FromSeconds(10));
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.Latin1, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
                // The request line ("GET http://host/path HTTP/1.1" or "CONNECT host:443 HTTP/1.1"), then the headers
                // up to the empty line, so the refusal is read as an answer and not as a broken connection.
                var requestLine = await reader.ReadLineAsync(timeout.Token);
                if (requestLine?.Split(' ') is [var method, var target, ..])
                {
                    Requests.Add(method == "CONNECT" ? $"https://{target}" : target);
                }
                while (await reader.ReadLineAsync(timeout.Token) is { Length: > 0 })
                {
                }
                await stream.WriteAsync("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), timeout.Token);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The browser gave up on the request, or the proxy stops; it was written down already if it got that far.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
        await Task.WhenAll(_refusals);
        _stopping.Dispose();
    }
}
