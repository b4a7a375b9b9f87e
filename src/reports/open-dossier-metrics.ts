import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { LegalContextService } from '../eligibility/legal-context.service';
import { CLOCK, Clock } from '../platform/clock/clock';
import { metricsRegistry } from '../platform/http/metrics';
import { OpenDossierGroup, countByDueBucket } from './domain/due-buckets';
import { ReportsRepository } from './reports.repository';

export const OPEN_BY_DUE = 'tctn_open_dossiers_by_due';
export const OPEN_BY_STATUS = 'tctn_open_dossiers_by_status';
const SNAPSHOT_MS = 1000;

/**
 * Prometheus gauges of the open dossiers, read from the database at each scrape (one grouped query shared by both
 * gauges): by center and due bucket in working days (see due-buckets.ts), and by center and status.
 */
@Injectable()
export class OpenDossierMetrics implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('reports');
  private snapshot?: { at: number; groups: Promise<OpenDossierGroup[]> };

  constructor(
    private readonly repository: ReportsRepository,
    private readonly legal: LegalContextService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.unregister();
    const groups = () => this.groups();
    const legal = this.legal;
    const clock = this.clock;
    const logger = this.logger;
    new Gauge({
      name: OPEN_BY_DUE,
      help: 'Open dossiers by working days until the due date (overdue, 0_3, 4_10, over_10, paused, no_due_date)',
      labelNames: ['center', 'bucket'],
      registers: [metricsRegistry],
      async collect() {
        this.reset();
        try {
          const [rows, { calendar }] = await Promise.all([groups(), legal.current()]);
          for (const { centerCode, bucket, count } of countByDueBucket(rows, clock.today(), calendar)) {
            this.set({ center: centerCode, bucket }, count);
          }
        } catch (error) {
          logger.warn(`${OPEN_BY_DUE}: ${(error as Error).message}`);
        }
      },
    });
    new Gauge({
      name: OPEN_BY_STATUS,
      help: 'Open dossiers by status',
      labelNames: ['center', 'status'],
      registers: [metricsRegistry],
      async collect() {
        this.reset();
        try {
          const totals = new Map<string, { center: string; status: string; count: number }>();
          for (const row of await groups()) {
            const key = `${row.centerCode}|${row.status}`;
            const entry = totals.get(key) ?? { center: row.centerCode, status: row.status, count: 0 };
            entry.count += row.count;
            totals.set(key, entry);
          }
          for (const { center, status, count } of totals.values()) this.set({ center, status }, count);
        } catch (error) {
          logger.warn(`${OPEN_BY_STATUS}: ${(error as Error).message}`);
        }
      },
    });
  }

  onModuleDestroy(): void {
    this.unregister();
  }

  /** One database read per scrape, shared by both gauges. */
  private groups(): Promise<OpenDossierGroup[]> {
    if (!this.snapshot || Date.now() - this.snapshot.at > SNAPSHOT_MS) {
      const groups = this.repository.openDossierGroups();
      groups.catch(() => (this.snapshot = undefined));
      this.snapshot = { at: Date.now(), groups };
    }
    return this.snapshot.groups;
  }

  private unregister(): void {
    for (const name of [OPEN_BY_DUE, OPEN_BY_STATUS]) {
      if (metricsRegistry.getSingleMetric(name)) metricsRegistry.removeSingleMetric(name);
    }
  }
}
