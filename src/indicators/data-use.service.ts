import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLogRepository } from '../audit/audit-log.repository';
import {
  DataAccessLogRepository,
  DataUseReadRow,
  DataUseSummaryRow,
} from '../registries/data-access/data-access-log.repository';
import type { Caller } from '../identity/caller';
import { sql } from '../platform/database/sql';
import { DomainError } from '../platform/errors/domain-error';
import { toCsv } from './domain/open-data';
import { monthRange } from './indicators.service';

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
 * only; each export is itself written to the audit log (who exported which month). Reads `data_access_log` through
 * its owner's repository (DataAccessLogRepository.useOfMonth), in a read-only transaction.
 */
@Injectable()
export class DataUseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLogRepository,
    private readonly log: DataAccessLogRepository,
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
    const body = await this.dataSource.transaction(async (em) => {
      await sql.run(em, 'SET TRANSACTION READ ONLY');
      await sql.run(em, `SET LOCAL statement_timeout = '120s'`);
      return view === 'summary'
        ? toCsv(SUMMARY_COLUMNS, await this.log.useOfMonth(em, firstDay, lastDay, 'summary'))
        : toCsv(READ_COLUMNS, await this.log.useOfMonth(em, firstDay, lastDay, 'reads'));
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
