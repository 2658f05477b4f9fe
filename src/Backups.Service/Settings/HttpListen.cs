using System.Globalization;
using System.Net;

namespace Backups.Service.Settings;

/// <summary>Where <c>/health</c> and <c>/metrics</c> are served: an IP address and a port (0 picks a free one).</summary>
internal sealed record HttpListen(IPAddress Address, int Port)
{
    public const int DefaultPort = 9464;

    /// <summary>Loopback only: the endpoints are for a local scraper or a reverse proxy, not the network.</summary>
    public static HttpListen Default { get; } = new(IPAddress.Loopback, DefaultPort);

    /// <summary>Parses <c>ADDRESS:PORT</c> (<c>127.0.0.1:9464</c>, <c>[::1]:9464</c>, <c>0.0.0.0:9464</c>, <c>localhost:9464</c>).</summary>
    public static bool TryParse(string text, out HttpListen listen, out string error)
    {
        listen = Default;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
        {
            error = $"'{text}' is not ADDRESS:PORT (e.g. 127.0.0.1:{DefaultPort})";
            return false;
        }
        var host = text[..colon].Trim();
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }
        if (!int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            error = $"'{text[(colon + 1)..]}' is not a port (0 to 65535)";
            return false;
        }
        IPAddress? address = string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback : null;
        if (address is null && !IPAddress.TryParse(host, out address))
        {
            error = $"'{host}' is not an IP address (use 127.0.0.1, ::1, 0.0.0.0 or localhost)";
            return false;
        }
        listen = new HttpListen(address, port);
        error = "";
        return true;
    }

    public override string ToString() =>
        Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? $"[{Address}]:{Port.ToString(CultureInfo.InvariantCulture)}"
            : $"{Address}:{Port.ToString(CultureInfo.InvariantCulture)}";
}
