import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import { DataSource } from 'typeorm';
import { sql } from '../../platform/database/sql';
import { metricsRegistry } from '../../platform/http/metrics';
import type { IntegrationCall } from './port-instrumentation';

const FLUSH_MS = 2_000;
const MAX_BUFFER = 5_000;

const callDuration = new Histogram({
  name: 'tctn_integration_call_duration_seconds',
  help: 'Calls to national systems (population registry, insurance registry, e-ID, portal, social insurance) by outcome',
  labelNames: ['system', 'operation', 'outcome'],
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
  registers: [metricsRegistry],
});
const callFailures = new Counter({
  name: 'tctn_integration_call_failures_total',
  help: 'Failed calls to national systems',
  labelNames: ['system'],
  registers: [metricsRegistry],
});

/**
 * Keeps every call to a national system: Prometheus metrics at once, and a row in `integration_call` written in
 * batches every 2 s (and at shutdown), so a call never waits on the database. When the database cannot take a batch
 * the rows are kept for the next flush, up to 5,000 (older ones are dropped and counted in the log).
 */
@Injectable()
export class IntegrationCallRecorder implements BeforeApplicationShutdown {
  private readonly logger = new Logger('integration-health');
  private buffer: IntegrationCall[] = [];
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<void>;

  constructor(private readonly dataSource: DataSource) {}

  record(call: IntegrationCall): void {
    callDuration.labels(call.system, call.operation, call.ok ? 'ok' : 'failed').observe(call.durationMs / 1000);
    if (!call.ok) callFailures.labels(call.system).inc();
    this.buffer.push({ ...call, error: call.error?.slice(0, 500) ?? null });
    if (this.buffer.length > MAX_BUFFER) {
      const dropped = this.buffer.length - MAX_BUFFER;
      this.buffer.splice(0, dropped);
      this.logger.warn(`${dropped} integration call record(s) dropped: the database did not take them`);
    }
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, FLUSH_MS).unref();
  }

  /** Writes what is buffered (one INSERT per batch). */
  async flush(): Promise<void> {
    if (this.flushing) await this.flushing;
    if (!this.buffer.length) return;
    const batch = this.buffer;
    this.buffer = [];
    this.flushing = sql
      .run(
        this.dataSource,
        `INSERT INTO integration_call (system, operation, occurred_at, duration_ms, ok, error)
         SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::int[], $5::boolean[], $6::text[])`,
        [
          batch.map((c) => c.system),
          batch.map((c) => c.operation),
          batch.map((c) => c.occurredAt.toISOString()),
          batch.map((c) => c.durationMs),
          batch.map((c) => c.ok),
          batch.map((c) => c.error),
        ],
      )
      .then(
        () => undefined,
        (error: Error) => {
          this.buffer = [...batch, ...this.buffer];
          this.logger.warn(`integration calls not written yet: ${error.message}`);
        },
      )
      .finally(() => (this.flushing = undefined));
    await this.flushing;
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush().catch(() => undefined);
  }
}
