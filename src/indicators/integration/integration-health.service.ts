import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addDays } from '../../calendar/iso-date';
import { NotificationService } from '../../notifications/notification.service';
import { CLOCK, Clock } from '../../platform/clock/clock';
import { sql } from '../../platform/database/sql';
import { JobStore } from '../../platform/jobs/job.store';
import {
  ALERT_THRESHOLDS,
  INTEGRATION_LABELS,
  INTEGRATION_QUEUES,
  INTEGRATION_SYSTEMS,
  IntegrationSystem,
} from './integration-systems';

const TZ = `'Asia/Ho_Chi_Minh'`;

export interface IntegrationDay {
  day: string;
  calls: number;
  failures: number;
  /** Successful calls / calls, 4 decimals; null without calls. */
  successRate: number | null;
  /** 95th percentile of the call durations (ms, continuous percentile); null without calls. */
  p95Ms: number | null;
}

export interface IntegrationHealth {
  system: IntegrationSystem;
  label: string;
  /** Outgoing work waiting (pending + held) and dead letters of the system's queue; null for read-only systems. */
  queueDepth: number | null;
  deadLetters: number | null;
  lastError: { at: string; operation: string; error: string } | null;
  days: IntegrationDay[];
}

export interface AlertFinding {
  system: IntegrationSystem;
  kind: 'success_rate' | 'latency' | 'dead_letters';
  detail: string;
}

/** Pure: which thresholds today's figures cross (ALERT_THRESHOLDS). */
export function crossedThresholds(health: readonly IntegrationHealth[], today: string): AlertFinding[] {
  const findings: AlertFinding[] = [];
  for (const h of health) {
    const d = h.days.find((x) => x.day === today);
    if (
      d &&
      d.calls >= ALERT_THRESHOLDS.minCalls &&
      d.successRate !== null &&
      d.successRate < ALERT_THRESHOLDS.successRate
    )
      findings.push({
        system: h.system,
        kind: 'success_rate',
        detail: `tỷ lệ thành công hôm nay ${(d.successRate * 100).toFixed(1)} % (${d.failures}/${d.calls} lượt lỗi), dưới ngưỡng ${ALERT_THRESHOLDS.successRate * 100} %`,
      });
    if (d && d.calls >= ALERT_THRESHOLDS.minCalls && d.p95Ms !== null && d.p95Ms > ALERT_THRESHOLDS.p95Ms)
      findings.push({
        system: h.system,
        kind: 'latency',
        detail: `thời gian phản hồi p95 hôm nay ${Math.round(d.p95Ms)} ms, trên ngưỡng ${ALERT_THRESHOLDS.p95Ms} ms`,
      });
    if (h.deadLetters !== null && h.deadLetters > ALERT_THRESHOLDS.deadLetters)
      findings.push({
        system: h.system,
        kind: 'dead_letters',
        detail: `${h.deadLetters} thông điệp không gửi được (dead letter) đang chờ xử lý`,
      });
  }
  return findings;
}

/**
 * Integration health per national system (calls, success rate, p95 latency, last error per day; queue depth and dead
 * letters now) and the alert to administrators when a threshold is crossed (once per system, day and kind).
 */
@Injectable()
export class IntegrationHealthService {
  private readonly logger = new Logger('integration-health');

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobStore,
    private readonly notifications: NotificationService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async health(days: number): Promise<{ today: string; systems: IntegrationHealth[] }> {
    const today = this.clock.today();
    const from = addDays(today, -(days - 1));
    const rows = await sql.rows<{
      system: IntegrationSystem;
      day: string;
      calls: number;
      failures: number;
      p95: number | null;
    }>(
      this.dataSource,
      `SELECT system, (occurred_at AT TIME ZONE ${TZ})::date::text AS day, count(*)::int AS calls,
           count(*) FILTER (WHERE NOT ok)::int AS failures,
           percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms)::float8 AS p95
         FROM integration_call
         WHERE occurred_at >= ($1::date::timestamp AT TIME ZONE ${TZ}) AND occurred_at < (($2::date + 1)::timestamp AT TIME ZONE ${TZ})
         GROUP BY 1, 2`,
      [from, today],
    );
    const lastErrors = await sql.rows<{ system: IntegrationSystem; at: Date; operation: string; error: string }>(
      this.dataSource,
      `SELECT DISTINCT ON (system) system, occurred_at AS at, operation, COALESCE(error, '') AS error
         FROM integration_call WHERE NOT ok ORDER BY system, occurred_at DESC, id DESC`,
    );
    const systems: IntegrationHealth[] = [];
    for (const system of INTEGRATION_SYSTEMS) {
      const queue = INTEGRATION_QUEUES[system];
      const stats = queue ? await this.jobs.stats(queue) : undefined;
      const last = lastErrors.find((e) => e.system === system);
      const list: IntegrationDay[] = [];
      for (let day = from; day <= today; day = addDays(day, 1)) {
        const r = rows.find((x) => x.system === system && x.day === day);
        list.push({
          day,
          calls: r?.calls ?? 0,
          failures: r?.failures ?? 0,
          successRate: r?.calls ? Math.round(((r.calls - r.failures) / r.calls) * 10_000) / 10_000 : null,
          p95Ms: r?.p95 ?? null,
        });
      }
      systems.push({
        system,
        label: INTEGRATION_LABELS[system],
        queueDepth: stats ? stats.pending + stats.held : null,
        deadLetters: stats ? stats.dead : null,
        lastError: last ? { at: last.at.toISOString(), operation: last.operation, error: last.error } : null,
        days: list,
      });
    }
    return { today, systems };
  }

  /** Checks today's figures and alerts the administrators once per crossed threshold; returns what was new. */
  async checkAndAlert(): Promise<AlertFinding[]> {
    const { today, systems } = await this.health(1);
    const fresh: AlertFinding[] = [];
    for (const finding of crossedThresholds(systems, today)) {
      await this.dataSource.transaction(async (em) => {
        const inserted = await sql.rows<{ system: IntegrationSystem }>(
          em,
          `INSERT INTO integration_alert (system, day, kind, detail, sent_at) VALUES ($1, $2, $3, $4, now())
           ON CONFLICT DO NOTHING RETURNING system`,
          [finding.system, today, finding.kind, finding.detail],
        );
        if (!inserted.length) return;
        fresh.push(finding);
        const label = INTEGRATION_LABELS[finding.system];
        const queued = await this.notifications.alertAdministrators(em, {
          subject: `[Cảnh báo kết nối] ${label}`,
          text:
            `Kết nối với ${label}: ${finding.detail}.\n\n` +
            `Xem chi tiết tại trang quản trị "Tình trạng kết nối" (/quan-tri/ket-noi).\n\n(Thư gửi tự động.)`,
          dedupeKey: `integration-alert:${finding.system}:${today}:${finding.kind}`,
        });
        if (!queued.length) this.logger.warn(`integration alert (no ADMIN_ALERT_EMAILS): ${label}: ${finding.detail}`);
      });
    }
    return fresh;
  }
}
