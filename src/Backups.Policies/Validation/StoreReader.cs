using System.Text.RegularExpressions;
using Backups.Domain.Policies;
using Backups.Policies.Yaml;

namespace Backups.Policies.Validation;

/// <summary>
/// Reads <c>store</c>: a location (<c>s3://bucket/prefix</c>, <c>file:///path</c>, a path), or a mapping with that
/// location as <c>url</c> and the S3 settings <c>endpoint</c>, <c>region</c>, <c>encryption</c> and <c>kms-key-id</c>.
/// Every problem is reported at its key or value.
/// </summary>
internal sealed partial class StoreReader(ValueReader values)
{
    private Diagnostics Diagnostics => values.Diagnostics;

    /// <summary>The store, or null after reporting; <paramref name="unresolved"/> when the URL still holds <c>${VAR}</c> references.</summary>
    public (string Url, S3Spec? S3)? Read(YamlNode node, out bool unresolved)
    {
        unresolved = false;
        if (node is ScalarNode scalar)
        {
            return Url(scalar, "store", out unresolved) is { } plain ? (plain, null) : null;
        }

        if (node is not MappingNode map)
        {
            Diagnostics.Add(node.Start, $"'store' must be a location such as s3://bucket/prefix, or a mapping (url, endpoint, region, encryption, kms-key-id), found {node.Describe()}");
            return null;
        }

        var keys = new MapReader(map, "store", PolicyKeys.Store, Diagnostics);
        var url = keys.Required("url") is { } urlNode
            ? urlNode is ScalarNode urlScalar ? Url(urlScalar, "store.url", out unresolved) : Wrong(urlNode)
            : null;
        var ok = url is not null;
        var isS3 = url is not null && (url.StartsWith("s3://", StringComparison.Ordinal) || (unresolved && url.StartsWith("${", StringComparison.Ordinal)));
        foreach (var key in PolicyKeys.Store.Skip(1))
        {
            if (url is not null && !isS3 && keys.Key(key) is { } present)
            {
                Diagnostics.Add(present.Start, $"'store.{key}' applies to s3:// stores only, but the store is '{url}'; remove it");
                ok = false;
            }
        }

        var endpoint = keys.Optional("endpoint") is { } endpointNode ? Endpoint(endpointNode) : null;
        var region = keys.Optional("region") is { } regionNode ? Region(regionNode) : null;
        var encryption = keys.Optional("encryption") is { } encryptionNode ? Encryption(encryptionNode) : null;
        var keyId = keys.Optional("kms-key-id") is { } keyNode ? values.Text(keyNode, "store.kms-key-id", "a KMS key id or ARN")?.Trim() : null;
        ok &= (keys.Optional("endpoint") is null || endpoint is not null)
            && (keys.Optional("region") is null || region is not null)
            && (keys.Optional("encryption") is null || encryption is not null)
            && (keys.Optional("kms-key-id") is null || keyId is { Length: > 0 });
        if (keyId is { Length: > 0 } && encryption is not S3Spec.AwsKms && (keys.Optional("encryption") is null || encryption is not null))
        {
            Diagnostics.Add(keys.Key("kms-key-id")!.Start,
                $"'store.kms-key-id' needs 'store.encryption: {S3Spec.AwsKms}' (the encryption is {encryption ?? $"{S3Spec.Aes256}, the default"})");
            ok = false;
        }

        if (!ok || url is null)
        {
            return null;
        }

        return (url, endpoint is null && region is null && encryption is null && keyId is null ? null : new S3Spec(endpoint, region, encryption, keyId));
    }

    private string? Url(ScalarNode scalar, string path, out bool unresolved)
    {
        var store = values.EnvText(scalar, path, out unresolved);
        if (store is null)
        {
            return null;
        }

        if (StoreUrlRules.Check(store, unresolved) is { } problem)
        {
            Diagnostics.Add(scalar.Start, problem);
            return null;
        }

        return store;
    }

    private string? Wrong(YamlNode node)
    {
        Diagnostics.Add(node.Start, $"'store.url' must be a location such as s3://bucket/prefix, found {node.Describe()}");
        return null;
    }

    private string? Endpoint(YamlNode node)
    {
        var scalar = values.Scalar(node, "store.endpoint", "an http:// or https:// URL");
        if (scalar is null)
        {
            return null;
        }

        var text = scalar.Value.Trim();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
        {
            Diagnostics.Add(scalar.Start, $"'store.endpoint' must be an http:// or https:// URL such as https://s3.eu-west-1.amazonaws.com or http://127.0.0.1:7480, found '{scalar.Value}'");
            return null;
        }

        if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            Diagnostics.Add(scalar.Start, "'store.endpoint' must be a plain URL: no credentials, query or fragment (credentials come from the AWS chain)");
            return null;
        }

        return text;
    }

    private string? Region(YamlNode node)
    {
        var scalar = values.Scalar(node, "store.region", "a region such as us-east-1");
        if (scalar is null)
        {
            return null;
        }

        if (!RegionPattern().IsMatch(scalar.Value.Trim()))
        {
            Diagnostics.Add(scalar.Start, $"'store.region' must be a region name such as us-east-1 or eu-west-1 (lowercase letters, digits and '-'), found '{scalar.Value}'");
            return null;
        }

        return scalar.Value.Trim();
    }

    private string? Encryption(YamlNode node)
    {
        var scalar = values.Scalar(node, "store.encryption", $"{S3Spec.Aes256} or {S3Spec.AwsKms}");
        if (scalar is null)
        {
            return null;
        }

        var value = scalar.Value.Trim();
        if (value.Equals(S3Spec.Aes256, StringComparison.OrdinalIgnoreCase))
        {
            return S3Spec.Aes256;
        }

        if (value.Equals(S3Spec.AwsKms, StringComparison.OrdinalIgnoreCase))
        {
            return S3Spec.AwsKms;
        }

        var hint = Suggestions.Hint(value, [S3Spec.Aes256, S3Spec.AwsKms]);
        Diagnostics.Add(scalar.Start, $"unknown store.encryption '{value}'{hint} (expected {S3Spec.Aes256} for SSE-S3 or {S3Spec.AwsKms} for SSE-KMS)");
        return null;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();
}
