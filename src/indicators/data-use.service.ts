import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLogRepository } from '../audit/audit-log.repository';
import type { Caller } from '../identity/caller';
import { DomainError } from '../platform/errors/domain-error';
import { toCsv } from './domain/open-data';
import { monthRange } from './indicators.service';

const TZ = `'Asia/Ho_Chi_Minh'`;

export interface DataUseSummaryRow {
  actorType: string;
  actorId: string;
  purpose: string;
  source: string;
  reads: number;
  subjects: number;
  firstAt: string;
  lastAt: string;
}

export interface DataUseReadRow {
  occurredAt: string;
  actorType: string;
  actorId: string;
  purpose: string;
  source: string;
  subjectPersonalId: string;
  requestId: string;
}

export const DATA_USE_VIEWS = ['summary', 'reads'] as const;
export type DataUseView = (typeof DATA_USE_VIEWS)[number];

const SUMMARY_COLUMNS: readonly (keyof DataUseSummaryRow)[] = [
  'actorType',
  'actorId',
  'purpose',
  'source',
  'reads',
  'subjects',
  'firstAt',
  'lastAt',
];
const READ_COLUMNS: readonly (keyof DataUseReadRow)[] = [
  'occurredAt',
  'actorType',
  'actorId',
  'purpose',
  'source',
  'subjectPersonalId',
  'requestId',
];

/**
 * Oversight of data use (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15; the provincial police oversee the accounts that
 * query the population database): every registry read of a month, per account and purpose, as CSV. Administrators
 * only; each export is itself written to the audit log (who exported which month). Reads `data_access_log` (the
 * registries module's append-only table) directly, read-only: a view over it would block that module's migration.
 */
@Injectable()
export class DataUseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLogRepository,
  ) {}

  view(value: unknown): DataUseView {
    if (value === undefined) return 'summary';
    if (typeof value === 'string' && (DATA_USE_VIEWS as readonly string[]).includes(value)) return value as DataUseView;
    throw DomainError.validation([
      { field: 'view', code: 'invalid_value', message: 'Kiểu trích xuất (view) chỉ nhận summary hoặc reads.' },
    ]);
  }

  async export(actor: Caller, month: string, view: DataUseView): Promise<{ fileName: string; body: string }> {
    const { firstDay, lastDay } = monthRange(month);
    const range = `occurred_at >= ($1::date::timestamp AT TIME ZONE ${TZ}) AND occurred_at < (($2::date + 1)::timestamp AT TIME ZONE ${TZ})`;
    const stamp = (c: string) => `to_char(${c} AT TIME ZONE ${TZ}, 'YYYY-MM-DD"T"HH24:MI:SS"+07:00"')`;
    const body = await this.dataSource.transaction(async (em) => {
      await em.query('SET TRANSACTION READ ONLY');
      await em.query(`SET LOCAL statement_timeout = '120s'`);
      if (view === 'summary') {
        const rows: DataUseSummaryRow[] = await em.query(
          `SELECT actor_type AS "actorType", COALESCE(actor_id, '') AS "actorId", purpose, source,
             count(*)::int AS reads, count(DISTINCT subject_personal_id)::int AS subjects,
             ${stamp('min(occurred_at)')} AS "firstAt", ${stamp('max(occurred_at)')} AS "lastAt"
           FROM data_access_log WHERE ${range}
           GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
          [firstDay, lastDay],
        );
        return toCsv(SUMMARY_COLUMNS, rows);
      }
      const rows: DataUseReadRow[] = await em.query(
        `SELECT ${stamp('occurred_at')} AS "occurredAt", actor_type AS "actorType", COALESCE(actor_id, '') AS "actorId",
           purpose, source, subject_personal_id AS "subjectPersonalId", COALESCE(request_id, '') AS "requestId"
         FROM data_access_log WHERE ${range} ORDER BY actor_type, actor_id, purpose, occurred_at, id`,
        [firstDay, lastDay],
      );
      return toCsv(READ_COLUMNS, rows);
    });
    await this.dataSource.transaction((em) =>
      this.audit.append(em, {
        actorType: 'staff',
        actorId: actor.subject,
        action: 'data_access.exported',
        entityType: 'data_access_log',
        entityId: month,
        data: { view },
      }),
    );
    return { fileName: `truy-cap-du-lieu-${month}-${view}.csv`, body };
  }
}
