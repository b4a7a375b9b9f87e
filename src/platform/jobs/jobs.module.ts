import { Global, Injectable, Module, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Gauge } from 'prom-client';
import { metricsRegistry } from '../http/metrics';
import { JobEntity } from './job.entity';
import { JobRunner } from './job-runner';
import { JobScheduler } from './job-scheduler';
import { JobStore, QueueStats } from './job.store';

/** The store whose queues the gauges read: the most recently started application in this process (tests run several). */
let statsSource: ((queue: string) => Promise<QueueStats>) | undefined;
let queuesSource: (() => string[]) | undefined;

function jobGauge(name: string, help: string, pick: (s: QueueStats) => number): Gauge {
  return new Gauge({
    name,
    help,
    labelNames: ['queue'],
    registers: [metricsRegistry],
    async collect() {
      this.reset();
      if (!statsSource || !queuesSource) return;
      for (const queue of queuesSource()) {
        const stats = await statsSource(queue).catch(() => undefined);
        if (stats) this.set({ queue }, pick(stats));
      }
    },
  });
}

jobGauge('jobs_waiting', 'Jobs pending or held, by queue', (s) => s.pending + s.held);
jobGauge('jobs_dead', 'Dead jobs (attempts spent) waiting for an administrator, by queue', (s) => s.dead);
jobGauge(
  'jobs_oldest_waiting_age_seconds',
  'Age of the oldest pending or held job, by queue',
  (s) => s.oldestWaitingAgeSeconds,
);

@Injectable()
class JobsLifecycle implements OnApplicationBootstrap {
  constructor(
    private readonly runner: JobRunner,
    private readonly store: JobStore,
    @Optional() private readonly http?: HttpAdapterHost,
  ) {}

  /**
   * Every module has registered its queue in onModuleInit; bind the gauges, and start the loops once the HTTP server
   * listens: handlers may call this very process (the sandboxes' time-stamping authority, CRLs, registries), which a
   * job claimed during start-up would otherwise find closed and retry only after its backoff.
   */
  onApplicationBootstrap(): void {
    statsSource = (queue) => this.store.stats(queue);
    queuesSource = () => this.runner.queueNames();
    const server = this.http?.httpAdapter?.getHttpServer?.() as
      { listening?: boolean; once(event: 'listening', listener: () => void): unknown } | undefined;
    if (!server || server.listening || typeof server.once !== 'function') this.runner.start();
    else server.once('listening', () => this.runner.start());
  }
}

/** The one job facility (see JobRunner and JobStore), available to every module. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([JobEntity])],
  providers: [JobStore, JobRunner, JobScheduler, JobsLifecycle],
  exports: [JobStore, JobRunner, JobScheduler],
})
export class JobsModule {}
