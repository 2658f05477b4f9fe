using System.Net;
using Backups.Service.Settings;

namespace Backups.Service.Tests.Settings;

public sealed class HttpListenTests
{
    [Theory]
    [InlineData("127.0.0.1:9464", "127.0.0.1", 9464)]
    [InlineData("localhost:80", "127.0.0.1", 80)]
    [InlineData("[::1]:9000", "::1", 9000)]
    [InlineData("0.0.0.0:0", "0.0.0.0", 0)]
    public void Addresses_and_ports_parse(string text, string address, int port)
    {
        HttpListen.TryParse(text, out var listen, out _).ShouldBeTrue();

        listen.ShouldBe(new HttpListen(IPAddress.Parse(address), port));
    }

    [Theory]
    [InlineData("9464")]
    [InlineData("127.0.0.1:")]
    [InlineData("127.0.0.1:99999")]
    [InlineData("example.org:80")]
    public void Anything_else_is_refused_with_a_reason(string text)
    {
        HttpListen.TryParse(text, out _, out var error).ShouldBeFalse();

        error.ShouldNotBeNullOrWhiteSpace();
    }
}
