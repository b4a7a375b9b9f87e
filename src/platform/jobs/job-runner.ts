import { Injectable, Logger, OnApplicationShutdown, BeforeApplicationShutdown } from '@nestjs/common';
import { Counter } from 'prom-client';
import { metricsRegistry } from '../http/metrics';
import { ClaimedJob, JobPayload, JobStore } from './job.store';

/** How one queue is worked. */
export interface QueueOptions {
  /** Run a polling loop for this queue in this process (off: only `runOnce`/`drain`, e.g. tests). */
  readonly enabled: boolean;
  readonly pollIntervalMs: number;
  /** Jobs claimed per poll; they run concurrently. */
  readonly batchSize: number;
  /** Reserve a claimed job this long: longer than one attempt can take. */
  readonly leaseMs: number;
  /** Attempts before a job is dead (an administrator replays it). */
  readonly maxAttempts: number;
  /** Exponential backoff: min(cap, base × 2^(attempt−1)); with jitter, uniform in [0, that]. */
  readonly backoff: { readonly baseMs: number; readonly capMs: number; readonly jitter: boolean };
  /** Jobs of one key run one at a time, in order. */
  readonly ordered: boolean;
  /** Errors not worth retrying (the job is dead at once). */
  readonly permanent?: (error: unknown) => boolean;
}

/** Thrown by a handler interrupted by the shutdown: the attempt is given back, not counted. */
export class JobAborted extends Error {
  constructor() {
    super('aborted by shutdown');
  }
}

export type JobHandler<P> = (job: ClaimedJob<P>, signal: AbortSignal) => Promise<void>;

/**
 * How long a shutdown waits for handlers in flight that do not stop on the abort signal (a long sweep, a registry
 * call that hangs). After that the process goes on closing: the job's lease runs out and it is claimed again by
 * another instance or after the restart; handlers are idempotent, so nothing is lost or done twice.
 */
export const SHUTDOWN_GRACE_MS = 10_000;

export function backoffMs(
  attempt: number,
  backoff: QueueOptions['backoff'],
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 30);
  const ceiling = Math.min(backoff.capMs, backoff.baseMs * 2 ** exponent);
  return backoff.jitter ? Math.floor(random() * ceiling) : ceiling;
}

const processed = new Counter({
  name: 'jobs_processed_total',
  help: 'Job attempts by queue and outcome (done, retry, dead)',
  labelNames: ['queue', 'outcome'],
  registers: [metricsRegistry],
});

interface Registration {
  readonly queue: string;
  readonly options: QueueOptions;
  /** The queue's handler, taking the payload as stored (its producers and its handler agree on the shape). */
  readonly handler: JobHandler<JobPayload>;
  loop?: Promise<void>;
  wake?: () => void;
  wakeRequested: boolean;
  stopped: boolean;
}

/**
 * The one job facility: each module registers its queue with a handler and options; the runner polls each
 * enabled queue, claims due jobs (SKIP LOCKED, lease), runs them, and records the outcome: done, a retry after
 * backoff, or dead after the last attempt (or at once for a permanent error). Any number of instances may run it on
 * one database. On shutdown it stops polling, aborts handlers in flight (their attempt is given back) and waits.
 */
@Injectable()
export class JobRunner implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('jobs');
  private readonly queues = new Map<string, Registration>();
  private readonly stopping = new AbortController();
  private running = false;

  /** See SHUTDOWN_GRACE_MS (tests shorten it). */
  shutdownGraceMs = SHUTDOWN_GRACE_MS;

  constructor(private readonly store: JobStore) {}

  register<P>(queue: string, options: QueueOptions, handler: JobHandler<P>): void {
    if (this.queues.has(queue)) throw new Error(`job queue ${queue} registered twice`);
    // A queue's payload is the contract between the code that enqueues into it and its handler: the row gives it as
    // stored JSON, the handler reads it as the queue's own type.
    const run: JobHandler<JobPayload> = (job, signal) => handler(job as ClaimedJob<P>, signal);
    const registration: Registration = { queue, options, handler: run, wakeRequested: false, stopped: false };
    this.queues.set(queue, registration);
    if (this.running && options.enabled) this.startQueue(queue);
  }

  /** Starts the loops of the enabled queues (the application module calls it once everything is registered). */
  start(): void {
    if (this.running || this.stopping.signal.aborted) return;
    this.running = true;
    for (const r of this.queues.values()) if (r.options.enabled) this.startQueue(r.queue);
  }

  /** Runs the queue's loop in this process even if its options left it off (tests, an operator's CLI). */
  startQueue(queue: string): void {
    const r = this.registration(queue);
    if (r.loop || this.stopping.signal.aborted) return;
    r.stopped = false;
    r.loop = this.loop(r).finally(() => (r.loop = undefined));
  }

  /** Stops the queue's loop, letting the pass in hand finish. */
  async stopQueue(queue: string): Promise<void> {
    const r = this.registration(queue);
    r.stopped = true;
    r.wake?.();
    await r.loop;
  }

  queueNames(): string[] {
    return [...this.queues.keys()];
  }

  /** Polls the queue at once instead of waiting for the next interval. */
  wake(queue: string): void {
    const r = this.queues.get(queue);
    if (!r) return;
    r.wakeRequested = true;
    r.wake?.();
  }

  /** One claim-and-run pass; returns how many jobs were taken. */
  async runOnce(queue: string): Promise<number> {
    const r = this.registration(queue);
    const jobs = await this.store.claim(queue, r.options.batchSize, r.options.leaseMs, r.options.ordered);
    await Promise.all(jobs.map((job) => this.run(r, job)));
    return jobs.length;
  }

  /** Runs passes until nothing is due (tests, scripts). */
  async drain(queue: string): Promise<number> {
    let total = 0;
    for (let n = await this.runOnce(queue); n > 0; n = await this.runOnce(queue)) total += n;
    return total;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Stops every loop and waits for the handlers in flight, at most `shutdownGraceMs` (see SHUTDOWN_GRACE_MS). */
  async stop(): Promise<void> {
    this.running = false;
    this.stopping.abort();
    for (const r of this.queues.values()) {
      r.stopped = true;
      r.wake?.();
    }
    const busy = [...this.queues.values()].filter((r) => r.loop);
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<'grace over'>((resolve) => {
      timer = setTimeout(() => resolve('grace over'), this.shutdownGraceMs);
      timer.unref();
    });
    const outcome = await Promise.race([Promise.all(busy.map((r) => r.loop)), graceOver]);
    clearTimeout(timer);
    if (outcome === 'grace over') {
      const left = busy.filter((r) => r.loop).map((r) => r.queue);
      this.logger.warn(
        `shutdown: handlers of ${left.join(', ')} still running after ${this.shutdownGraceMs} ms; their jobs will be claimed again when their lease runs out`,
      );
    }
  }

  private registration(queue: string): Registration {
    const r = this.queues.get(queue);
    if (!r) throw new Error(`no job queue ${queue}`);
    return r;
  }

  private async loop(r: Registration): Promise<void> {
    while (!r.stopped && !this.stopping.signal.aborted) {
      r.wakeRequested = false;
      let taken = 0;
      try {
        taken = await this.runOnce(r.queue);
      } catch (error) {
        if (!this.stopping.signal.aborted) this.logger.warn(`${r.queue}: pass failed: ${(error as Error).message}`);
      }
      // Something ran: the next jobs of those keys may be due now, so look again at once.
      if (!r.stopped && taken === 0 && !r.wakeRequested) await this.pause(r, r.options.pollIntervalMs);
    }
  }

  private pause(r: Registration, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      function done() {
        clearTimeout(timer);
        r.wake = undefined;
        resolve();
      }
      r.wake = done;
    });
  }

  private async run(r: Registration, job: ClaimedJob): Promise<void> {
    const { options } = r;
    if (job.attempts > options.maxAttempts) {
      // Its lease ran out after the last attempt (the worker died or hung): nothing is left to try.
      await this.store.fail(job, 'lease expired after the last attempt', 0, true);
      processed.inc({ queue: r.queue, outcome: 'dead' });
      this.logger.error(`${r.queue} job ${job.id} is dead: lease expired after ${options.maxAttempts} attempts`);
      return;
    }
    try {
      await r.handler(job, this.stopping.signal);
      await this.store.complete(job);
      processed.inc({ queue: r.queue, outcome: 'done' });
    } catch (error) {
      if (error instanceof JobAborted || (this.stopping.signal.aborted && isAbort(error))) {
        await this.store.giveBack(job).catch(() => undefined);
        return;
      }
      const message = (error as Error)?.message ?? String(error);
      const final = job.attempts >= options.maxAttempts || (options.permanent?.(error) ?? false);
      const delay = backoffMs(job.attempts, options.backoff);
      const status = await this.store
        .fail(job, message, delay, final)
        .catch((e: Error) => this.logger.error(`${r.queue} job ${job.id}: could not record the failure: ${e.message}`));
      processed.inc({ queue: r.queue, outcome: final ? 'dead' : 'retry' });
      const line = `${r.queue} job ${job.id} attempt ${job.attempts}: ${message}`;
      if (status === 'dead') this.logger.error(`${line} — dead, an administrator can replay it`);
      else this.logger.warn(`${line} — retry in ${delay} ms`);
    }
  }
}

function isAbort(error: unknown): boolean {
  return (error as Error)?.name === 'AbortError';
}
