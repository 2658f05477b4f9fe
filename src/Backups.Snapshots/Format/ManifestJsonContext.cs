using System.Text.Json.Serialization;

namespace Backups.Snapshots.Format;

/// <summary>
/// Compile-time JSON metadata for the manifest, so that reading one (every restore, diff, query and listing does)
/// does not build its serializers by reflection at start-up. The options of <see cref="ManifestJson"/> (converters,
/// naming, indentation) still apply.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Manifest))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
