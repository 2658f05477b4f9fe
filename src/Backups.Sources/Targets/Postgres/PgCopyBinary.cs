using Backups.Domain.Schema;
using Npgsql;
using NpgsqlTypes;

namespace Backups.Sources.Targets.Postgres;

/// <summary>
/// Writes values to a binary COPY by kind. Decimal text goes as a hand-encoded numeric
/// (<see cref="PgNumericBinary"/>): a binary COPY field is a length and the type's binary form, so the
/// encoded bytes are sent as they are through Npgsql's bytea writer, which adds nothing to them. The same
/// way carries the first and last representable dates and timestamps (0001-01-01, 9999-12-31,
/// <see cref="DateTime.MinValue"/>, <see cref="DateTime.MaxValue"/>), which Npgsql would otherwise write as
/// -infinity and infinity.
/// </summary>
internal static class PgCopyBinary
{
    /// <summary>How to write one column.</summary>
    public static NpgsqlDbType WireType(ColumnKind kind, string targetType) => kind switch
    {
        ColumnKind.Boolean => NpgsqlDbType.Boolean,
        ColumnKind.Int16 => NpgsqlDbType.Smallint,
        ColumnKind.Int32 => NpgsqlDbType.Integer,
        ColumnKind.Int64 => NpgsqlDbType.Bigint,
        ColumnKind.Float32 => NpgsqlDbType.Real,
        ColumnKind.Float64 => NpgsqlDbType.Double,
        ColumnKind.Decimal or ColumnKind.Binary => NpgsqlDbType.Bytea,
        ColumnKind.Text => NpgsqlDbType.Text,
        ColumnKind.Date => NpgsqlDbType.Date,
        ColumnKind.Time => NpgsqlDbType.Time,
        ColumnKind.Timestamp => NpgsqlDbType.Timestamp,
        ColumnKind.TimestampTz => NpgsqlDbType.TimestampTz,
        ColumnKind.Uuid => NpgsqlDbType.Uuid,
        ColumnKind.Json => targetType == "jsonb" ? NpgsqlDbType.Jsonb : NpgsqlDbType.Json,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not writable in binary COPY format"),
    };

    /// <summary>Writes one non-null value; returns a problem instead when the value does not fit its kind.</summary>
    public static async ValueTask<string?> WriteAsync(NpgsqlBinaryImporter importer, ColumnKind kind, NpgsqlDbType wire, object value, CancellationToken ct)
    {
        switch (kind, value)
        {
            case (ColumnKind.Boolean, bool v):
                await importer.WriteAsync(v, wire, ct).ConfigureAwait(false);
                return null;
            case (ColumnKind.Int16, short v):
                await importer.WriteAsync(v, wire, ct).ConfigureAwait(false);
                return null;
            case (ColumnKind.Int32, int v):
                await importer.WriteAsync(v, wire, ct).ConfigureAwait(false);
                return null;
            case (ColumnKind.Int64, long v):
                await importer.WriteAsync(v, wire, ct).ConfigureAwait(false);
                return null;
            case (ColumnKind.Float32, float v):
                await importer.WriteAsync(v, wire, ct).ConfigureAwait(false);
                return null;
            case (ColumnKind.Float64, double v):
                await importer.WriteAsync(v, wire, ct).ConfigureAwait(false);
                return null;
            case (ColumnKind.Decimal, string v):
                var encoded = PgNumericBinary.Encode(v, out var problem);
                if (encoded is null)
                {
                    return problem;
                }

                await importer.WriteAsync(encoded, wire, ct).ConfigureAwait(false);
                return null;
            case (ColumnKind.Text or ColumnKind.Json, string v):
                await importer.WriteAsync(v, wire, ct).ConfigureAwait(false);
                return null;
            case (ColumnKind.Binary, byte[] v):
                await importer.WriteAsync(v, wire, ct).ConfigureAwait(false);
                return null;
            case (ColumnKind.Date, DateOnly v) when v == DateOnly.MinValue || v == DateOnly.MaxValue:
                await importer.WriteAsync(PgTemporalBinary.Date(v), NpgsqlDbType.Bytea, ct).ConfigureAwait(false);
                return null;
            case (ColumnKind.Timestamp, DateTime { Kind: DateTimeKind.Unspecified } v) when v == DateTime.MinValue || v == DateTime.MaxValue:
                await importer.WriteAsync(PgTemporalBinary.Timestamp(v), NpgsqlDbType.Bytea, ct).ConfigureAwait(false);
                return null;
            case (ColumnKind.TimestampTz, DateTime { Kind: DateTimeKind.Utc } v) when v.Ticks == DateTime.MinValue.Ticks || v.Ticks == DateTime.MaxValue.Ticks:
                await importer.WriteAsync(PgTemporalBinary.Timestamp(v), NpgsqlDbType.Bytea, ct).ConfigureAwait(false);
                return null;
            case (ColumnKind.Date, DateOnly v):
                await importer.WriteAsync(v, wire, ct).ConfigureAwait(false);
                return null;
            case (ColumnKind.Time, TimeOnly v):
                await importer.WriteAsync(v, wire, ct).ConfigureAwait(false);
                return null;
            case (ColumnKind.Timestamp, DateTime { Kind: DateTimeKind.Unspecified } v):
                await importer.WriteAsync(v, wire, ct).ConfigureAwait(false);
                return null;
            case (ColumnKind.TimestampTz, DateTime { Kind: DateTimeKind.Utc } v):
                await importer.WriteAsync(v, wire, ct).ConfigureAwait(false);
                return null;
            case (ColumnKind.Uuid, Guid v):
                await importer.WriteAsync(v, wire, ct).ConfigureAwait(false);
                return null;
            default:
                return TargetValues.Mismatch(kind, value);
        }
    }
}
