import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, FieldError } from '../platform/errors/domain-error';
import { isIsoDate } from './iso-date';
import { CalendarOverride, WorkingCalendar } from './working-calendar';

/** A stored calendar day with its origin and audit columns. */
export interface StoredCalendarDay extends CalendarOverride {
  source: 'shipped' | 'admin';
  updatedAt: string;
  updatedBy: string;
}

interface CalendarDayRecord {
  date: string;
  kind: 'holiday' | 'working';
  name: string;
  source: 'shipped' | 'admin';
  updated_at: Date;
  updated_by: string;
}

const SELECT_COLUMNS = `date::text AS date, kind, name, source, updated_at, updated_by`;

/**
 * The working calendar in table `working_calendar_day`: the shipped 2020–2030 overrides plus administrator edits.
 * To turn an override back into an ordinary day, set it to the ordinary kind ('working' on a weekday,
 * 'holiday' on a weekend) so the change stays on record.
 */
@Injectable()
export class WorkingCalendarRepository {
  constructor(private readonly dataSource: DataSource) {}

  async loadCalendar(): Promise<WorkingCalendar> {
    return new WorkingCalendar((await this.listDays()).map(({ date, kind, name }) => ({ date, kind, name })));
  }

  /** Stored days, optionally limited to [from, to]. */
  async listDays(from?: string, to?: string): Promise<StoredCalendarDay[]> {
    const records: CalendarDayRecord[] = await this.dataSource.query(
      `SELECT ${SELECT_COLUMNS} FROM working_calendar_day
       WHERE ($1::date IS NULL OR date >= $1::date) AND ($2::date IS NULL OR date <= $2::date)
       ORDER BY date`,
      [from ?? null, to ?? null],
    );
    return records.map(toStored);
  }

  /** Creates or replaces the override of one day (source 'admin'). */
  async setDay(date: string, kind: 'holiday' | 'working', name: string, actor: string, em: EntityManager = this.dataSource.manager): Promise<StoredCalendarDay> {
    const errors: FieldError[] = [];
    if (!isIsoDate(date))
      errors.push({ field: 'date', code: 'invalid_date', message: 'Ngày không hợp lệ, cần định dạng YYYY-MM-DD.' });
    if (kind !== 'holiday' && kind !== 'working') {
      errors.push({
        field: 'kind',
        code: 'invalid_value',
        message: 'Loại ngày phải là "holiday" (nghỉ) hoặc "working" (làm việc).',
      });
    }
    if (typeof name !== 'string' || !name.trim())
      errors.push({ field: 'name', code: 'required', message: 'Cần ghi tên hoặc lý do.' });
    if (!actor || !actor.trim())
      errors.push({ field: 'actor', code: 'required', message: 'Cần ghi rõ người sửa lịch.' });
    if (errors.length > 0) throw DomainError.validation(errors);
    const records: CalendarDayRecord[] = await em.query(
      `INSERT INTO working_calendar_day (date, kind, name, source, updated_at, updated_by)
       VALUES ($1, $2, $3, 'admin', now(), $4)
       ON CONFLICT (date) DO UPDATE
         SET kind = EXCLUDED.kind, name = EXCLUDED.name, source = 'admin', updated_at = now(), updated_by = EXCLUDED.updated_by
       RETURNING ${SELECT_COLUMNS}`,
      [date, kind, name.trim(), actor],
    );
    return toStored(records[0]);
  }
}

function toStored(record: CalendarDayRecord): StoredCalendarDay {
  return {
    date: record.date,
    kind: record.kind,
    name: record.name,
    source: record.source,
    updatedAt: new Date(record.updated_at).toISOString(),
    updatedBy: record.updated_by,
  };
}
