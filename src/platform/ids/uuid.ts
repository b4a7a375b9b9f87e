const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that is not a UUID names nothing: answer 404 without asking PostgreSQL (which would reject the cast). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
