/**
 * A timestamptz column as the API writes timestamps: RFC 3339 in UTC with milliseconds ("2026-11-27T00:05:34.231Z"),
 * formatted by PostgreSQL so rows reach the views as the strings they show.
 */
export function utcTimestamp(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
