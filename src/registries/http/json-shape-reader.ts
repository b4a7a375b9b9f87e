/** Raised when a registry answers 200 with JSON that does not match the documented contract. */
export class MalformedRegistryDataError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`malformed registry data: ${problems.slice(0, 5).join('; ')}`);
    this.name = 'MalformedRegistryDataError';
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** `true` for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** `true` for `YYYY-MM` with a month 01–12. */
export function isYearMonth(value: string): boolean {
  return YEAR_MONTH.test(value);
}

/**
 * Reads untrusted JSON field by field, collecting every problem with its JSON path instead of stopping at the first,
 * so an upstream error names all that is wrong. Placeholder values are returned for bad fields; `result()` throws
 * `MalformedRegistryDataError` if anything was wrong, so placeholders never escape.
 */
export class JsonShapeReader {
  private readonly problems: string[] = [];

  object(value: unknown, path: string): Record<string, unknown> {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    this.problems.push(`${path}: expected an object`);
    return {};
  }

  string(obj: Record<string, unknown>, key: string, path: string, check?: (s: string) => boolean): string {
    const value = obj[key];
    if (typeof value !== 'string' || value.trim() === '') {
      this.problems.push(`${path}.${key}: expected a non-empty string`);
      return '';
    }
    if (check && !check(value)) {
      this.problems.push(`${path}.${key}: unexpected format`);
      return '';
    }
    return value.normalize('NFC');
  }

  optionalString(obj: Record<string, unknown>, key: string, path: string): string | null {
    return obj[key] === undefined || obj[key] === null ? null : this.string(obj, key, path);
  }

  integer(obj: Record<string, unknown>, key: string, path: string, min = 0): number {
    const value = obj[key];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
      this.problems.push(`${path}.${key}: expected an integer ≥ ${min}`);
      return 0;
    }
    return value;
  }

  oneOf<T extends string>(obj: Record<string, unknown>, key: string, path: string, allowed: readonly T[]): T {
    const value = obj[key];
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.problems.push(`${path}.${key}: expected one of ${allowed.join(', ')}`);
      return allowed[0];
    }
    return value as T;
  }

  array(obj: Record<string, unknown>, key: string, path: string): unknown[] {
    const value = obj[key];
    if (!Array.isArray(value)) {
      this.problems.push(`${path}.${key}: expected an array`);
      return [];
    }
    return value;
  }

  problem(message: string): void {
    this.problems.push(message);
  }

  result<T>(value: T): T {
    if (this.problems.length > 0) throw new MalformedRegistryDataError(this.problems);
    return value;
  }
}
