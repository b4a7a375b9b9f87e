export const CLOCK = Symbol('CLOCK');

/** Time as the procedure sees it: Vietnam has one time zone (UTC+7) and no daylight saving. */
export interface Clock {
  now(): Date;
  /** The calendar date in Vietnam, YYYY-MM-DD. */
  today(): string;
}

export function vietnamDate(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
  today(): string {
    return vietnamDate(this.now());
  }
}

/** A clock that tests (and benchmarks) set by hand. */
export class FixedClock implements Clock {
  constructor(private instant: Date) {}
  now(): Date {
    return new Date(this.instant);
  }
  today(): string {
    return vietnamDate(this.instant);
  }
  set(instant: Date): void {
    this.instant = instant;
  }
}
