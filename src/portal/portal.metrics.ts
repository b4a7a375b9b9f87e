import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { metricsRegistry } from '../platform/http/metrics';
import { PortalDeliveryRepository, PortalOutboxStats } from './portal-delivery.repository';

/** Where the gauges read the outbox; the most recently started application in this process (tests run several). */
let statsSource: (() => Promise<PortalOutboxStats>) | undefined;
let inFlight: Promise<PortalOutboxStats | undefined> | undefined;

/** One query per scrape: the three gauges are collected together and share the query in flight. */
function currentStats(): Promise<PortalOutboxStats | undefined> {
  if (!statsSource) return Promise.resolve(undefined);
  if (!inFlight) {
    const query = statsSource().catch(() => undefined);
    inFlight = query;
    void query.finally(() => {
      if (inFlight === query) inFlight = undefined;
    });
  }
  return inFlight;
}

function outboxGauge(name: string, help: string, pick: (s: PortalOutboxStats) => number): Gauge {
  return new Gauge({
    name,
    help,
    registers: [metricsRegistry],
    async collect() {
      const stats = await currentStats();
      if (stats) this.set(pick(stats));
    },
  });
}

outboxGauge(
  'portal_events_pending',
  'Portal events not yet delivered (including those awaiting their decision)',
  (s) => s.pending,
);
outboxGauge(
  'portal_events_dead',
  'Portal events that exhausted their attempts (dead letters, blocking their dossier)',
  (s) => s.dead,
);
outboxGauge(
  'portal_oldest_pending_age_seconds',
  'Age of the oldest pending portal event',
  (s) => s.oldestPendingAgeSeconds,
);

export const portalEventsDelivered = new Counter({
  name: 'portal_events_delivered_total',
  help: 'Portal events acknowledged with 2xx and marked delivered',
  registers: [metricsRegistry],
});

/** Binds the outbox gauges to this application's database. */
@Injectable()
export class PortalMetrics implements OnModuleInit, OnModuleDestroy {
  private readonly source = () => this.deliveries.stats();

  constructor(private readonly deliveries: PortalDeliveryRepository) {}

  onModuleInit(): void {
    statsSource = this.source;
    inFlight = undefined;
  }

  onModuleDestroy(): void {
    if (statsSource === this.source) statsSource = undefined;
    inFlight = undefined;
  }
}
