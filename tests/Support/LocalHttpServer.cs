using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ReproSpecs.Tests.Support;

/// <summary>
/// A one-file HTTP/1.1 server on 127.0.0.1 and a free port, for the corpus download path (no outside
/// network is needed or used). Every GET is answered 200 with <see cref="Body"/>; it counts requests.
/// </summary>
public sealed class LocalHttpServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly Task _loop;
    private int _requests;

    /// <summary>Starts serving <paramref name="body"/>.</summary>
    public LocalHttpServer(byte[] body)
    {
        Body = body;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/tinyshakespeare.txt");
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>What every request gets.</summary>
    public byte[] Body { get; }

    /// <summary>The URL to download from.</summary>
    public Uri Url { get; }

    /// <summary>Requests answered so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>A URL on 127.0.0.1 where nothing listens (a port that was free a moment ago): a server that is down.</summary>
    public static Uri UrlOfServerThatIsDown()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new Uri($"http://127.0.0.1:{port}/tinyshakespeare.txt");
    }

    /// <summary>A client handler that never goes through a proxy (a CI proxy must not see 127.0.0.1).</summary>
    public static HttpMessageHandler DirectHandler() => new SocketsHttpHandler { UseProxy = false };

    private async Task ServeAsync()
    {
        while (true)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(); }
            catch (Exception e) when (e is ObjectDisposedException or SocketException or InvalidOperationException) { return; }
            using (client)
            {
                try
                {
                    var stream = client.GetStream();
                    await ReadRequestHeadAsync(stream);
                    Interlocked.Increment(ref _requests);
                    byte[] head = Encoding.ASCII.GetBytes(
                        $"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {Body.Length}\r\nConnection: close\r\n\r\n");
                    await stream.WriteAsync(head);
                    await stream.WriteAsync(Body);
                    await stream.FlushAsync();
                }
                catch (IOException) { }
            }
        }
    }

    private static async Task ReadRequestHeadAsync(NetworkStream stream)
    {
        var seen = new List<byte>();
        var buffer = new byte[1024];
        while (true)
        {
            int n = await stream.ReadAsync(buffer);
            if (n == 0) return;
            seen.AddRange(buffer.AsSpan(0, n).ToArray());
            if (Encoding.ASCII.GetString(seen.ToArray()).Contains("\r\n\r\n", StringComparison.Ordinal)) return;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _listener.Stop();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); }
        catch (AggregateException) { }
    }
}
