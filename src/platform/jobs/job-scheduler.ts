import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CLOCK, Clock } from '../clock/clock';
import { JobRunner, QueueOptions } from './job-runner';
import { JobStore } from './job.store';

/** The queue a schedule's runs go through. */
export function scheduleQueue(name: string): string {
  return `schedule.${name}`;
}

export interface ScheduleOptions {
  /**
   * The time slot `clock` is in (e.g. `clock.today()` for daily work): one run per slot across every instance. The
   * handler does everything due up to now, so a slot missed while the service was down is caught up by the next.
   */
  readonly slot: (clock: Clock) => string;
  /** Work this schedule's runs in this process (default true). */
  readonly enabled?: boolean;
  readonly queue?: Partial<Omit<QueueOptions, 'enabled' | 'ordered'>>;
}

export type ScheduledHandler = (run: { slot: string; today: string }, signal: AbortSignal) => Promise<void>;

const DEFAULT_QUEUE: Omit<QueueOptions, 'enabled'> = {
  pollIntervalMs: 1000,
  batchSize: 1,
  leaseMs: 10 * 60_000,
  maxAttempts: 5,
  backoff: { baseMs: 5_000, capMs: 5 * 60_000, jitter: true },
  ordered: false,
};

/** How often each instance looks at the clock for a new slot (a moved sandbox clock is seen within this). */
export const SCHEDULER_TICK_MS = 3_000;

/**
 * Scheduled work on the job facility: every `SCHEDULER_TICK_MS` each instance computes each schedule's current
 * slot from the CLOCK and enqueues a run with the dedupe key `<name>:<slot>`; the unique key makes it one run per
 * slot across instances, the queue's SKIP LOCKED claim runs it once, retries it with backoff, and a run left by a
 * crashed instance is taken over when its lease expires. `trigger` enqueues an extra run at once (a sandbox clock
 * move), so due work runs within seconds on whichever instance claims it.
 */
@Injectable()
export class JobScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('scheduler');
  private readonly schedules = new Map<string, ScheduleOptions>();
  private timer?: NodeJS.Timeout;
  private ticking?: Promise<void>;

  constructor(
    private readonly runner: JobRunner,
    private readonly store: JobStore,
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Call in a module's onModuleInit. */
  schedule(name: string, options: ScheduleOptions, handler: ScheduledHandler): void {
    if (this.schedules.has(name)) throw new Error(`schedule ${name} registered twice`);
    this.schedules.set(name, options);
    this.runner.register<{ slot: string }>(
      scheduleQueue(name),
      { ...DEFAULT_QUEUE, ...options.queue, enabled: options.enabled ?? true },
      (job, signal) => handler({ slot: job.payload.slot, today: this.clock.today() }, signal),
    );
  }

  onApplicationBootstrap(): void {
    if (!this.schedules.size) return;
    void this.tick();
    this.timer = setInterval(() => void this.tick(), SCHEDULER_TICK_MS);
    this.timer.unref();
  }

  /** Before the database closes: no new tick, and the tick in hand finishes. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.ticking;
  }

  /** Enqueues each schedule's current slot (a no-op when it is already there) and wakes its queue. */
  async tick(): Promise<void> {
    if (this.ticking) return this.ticking;
    this.ticking = this.enqueueAll((name, slot) => `${name}:${slot}`).finally(() => (this.ticking = undefined));
    return this.ticking;
  }

  /** Runs every schedule now (once, on whichever instance claims it), whatever runs its slot already had. */
  async trigger(): Promise<void> {
    const id = randomUUID();
    await this.enqueueAll((name, slot) => `${name}:${slot}:${id}`);
  }

  private async enqueueAll(dedupeKey: (name: string, slot: string) => string): Promise<void> {
    for (const [name, options] of this.schedules) {
      try {
        const slot = options.slot(this.clock);
        const id = await this.store.enqueue(
          this.dataSource.manager,
          scheduleQueue(name),
          { slot },
          {
            dedupeKey: dedupeKey(name, slot),
          },
        );
        if (id) this.runner.wake(scheduleQueue(name));
      } catch (error) {
        this.logger.warn(`${name}: could not enqueue its run: ${(error as Error).message}`);
      }
    }
  }
}
