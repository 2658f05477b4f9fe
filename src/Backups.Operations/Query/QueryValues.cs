using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Backups.Operations.Diff;

namespace Backups.Operations.Query;

/// <summary>DuckDB result values as text (tables, CSV) and JSON: lists and structs nested, exact numerics exact.</summary>
internal static class QueryValues
{
    public static string Text(object? value) => value switch
    {
        null => "",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        BigInteger b => b.ToString(CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        IDictionary map => "{" + string.Join(", ", map.Keys.Cast<object>().Select(k => $"{Text(k)}: {Text(map[k])}")) + "}",
        IList list and not byte[] => "[" + string.Join(", ", list.Cast<object?>().Select(Text)) + "]",
        _ => ValueFormat.Text(value) ?? "",
    };

    public static void WriteJson(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case decimal d:
                // Exact: the digits as DuckDB holds them, never through a binary float.
                json.WriteRawValue(d.ToString(CultureInfo.InvariantCulture));
                break;
            case BigInteger b:
                json.WriteRawValue(b.ToString(CultureInfo.InvariantCulture));
                break;
            case byte or sbyte or ushort or uint or ulong:
                json.WriteRawValue(Convert.ToString(value, CultureInfo.InvariantCulture)!);
                break;
            case TimeSpan t:
                json.WriteStringValue(t.ToString("c", CultureInfo.InvariantCulture));
                break;
            case IDictionary map:
                json.WriteStartObject();
                foreach (var key in map.Keys)
                {
                    json.WritePropertyName(Text(key));
                    WriteJson(json, map[key]);
                }

                json.WriteEndObject();
                break;
            case IList list and not byte[]:
                json.WriteStartArray();
                foreach (var item in list)
                {
                    WriteJson(json, item);
                }

                json.WriteEndArray();
                break;
            default:
                ValueFormat.WriteJson(json, value);
                break;
        }
    }
}
