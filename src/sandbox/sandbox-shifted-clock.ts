import { Clock, vietnamDate } from '../platform/clock/clock';

const DAY_MS = 86_400_000;

/**
 * The sandbox clock (sandbox mode only; bound as CLOCK by the application module): real time plus an offset in
 * whole days, so a demonstration can walk a benefit period in minutes. The offset is kept in the `sandbox_clock`
 * row so a restart and every instance agree (SandboxClockService reads it every few seconds).
 */
export class ShiftedClock implements Clock {
  private offsetMs = 0;

  constructor(private readonly real: () => Date = () => new Date()) {}

  now(): Date {
    return new Date(this.real().getTime() + this.offsetMs);
  }

  today(): string {
    return vietnamDate(this.now());
  }

  offset(): number {
    return this.offsetMs;
  }

  setOffset(ms: number): void {
    this.offsetMs = ms;
  }

  /** The offset that makes today `date` in Việt Nam (whole days, the time of day is kept). */
  offsetFor(date: string): number {
    const realToday = vietnamDate(this.real());
    return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${realToday}T00:00:00Z`)) / DAY_MS) * DAY_MS;
  }
}
