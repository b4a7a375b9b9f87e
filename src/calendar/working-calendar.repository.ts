import { Injectable } from '@nestjs/common';
import { Between, DataSource, EntityManager, FindOptionsWhere, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { sql } from '../platform/database/sql';
import { DomainError, FieldError } from '../platform/errors/domain-error';
import { isIsoDate, isWeekend } from './iso-date';
import { WorkingCalendarDayEntity } from './working-calendar-day.entity';
import { WorkingCalendarYearEntity } from './working-calendar-year.entity';
import { CalendarOverride, WorkingCalendar } from './working-calendar';

/** A stored calendar day with its origin and audit columns. */
export interface StoredCalendarDay extends CalendarOverride {
  source: 'shipped' | 'admin';
  updatedAt: string;
  updatedBy: string;
}

/** The columns of the upserts' RETURNING, named as the entities' properties (the rows map like entities). */
const SELECT_COLUMNS = `date::text AS date, kind, name, source, updated_at AS "updatedAt", updated_by AS "updatedBy"`;
const YEAR_COLUMNS = `year, status, document_number AS "documentNumber", document_date::text AS "documentDate",
  updated_at AS "updatedAt", updated_by AS "updatedBy"`;

/** A year's schedule as the Government announced it. */
export interface YearAnnouncement {
  /** Number of the announcing document, e.g. "VB 12729/VPCP-KGVX" or "Thông báo 6150/TB-BNV". */
  documentNumber: string;
  /** Its date, YYYY-MM-DD. */
  documentDate: string;
  /** Every override of the year: weekdays off ('holiday') and weekend days worked ('working'). */
  days: CalendarOverride[];
}

export interface StoredCalendarYear {
  year: number;
  status: 'announced' | 'projected';
  documentNumber: string | null;
  documentDate: string | null;
  updatedAt: string;
  updatedBy: string;
}

const MAX_DAYS_PER_YEAR = 60;

/**
 * The working calendar in table `working_calendar_day`: the shipped 2020–2030 overrides plus administrator edits.
 * To turn an override back into an ordinary day, set it to the ordinary kind ('working' on a weekday,
 * 'holiday' on a weekend) so the change stays on record.
 */
@Injectable()
export class WorkingCalendarRepository {
  constructor(private readonly dataSource: DataSource) {}

  async loadCalendar(): Promise<WorkingCalendar> {
    const [days, years] = await Promise.all([this.listDays(), this.listYears()]);
    return new WorkingCalendar(
      days.map(({ date, kind, name }) => ({ date, kind, name })),
      { announcedYears: years.filter((y) => y.status === 'announced').map((y) => y.year) },
    );
  }

  /** The status of every recorded year: announced (with its document) or projected. */
  async listYears(): Promise<StoredCalendarYear[]> {
    const years = await this.dataSource.getRepository(WorkingCalendarYearEntity).find({ order: { year: 'ASC' } });
    return years.map(toStoredYear);
  }

  /**
   * Replaces a year's overrides with the schedule the Government announced, and records the announcement
   * (document number and date): the year stops being projected. Checked before anything is written: every day in
   * `year`, once each, a 'holiday' only on a weekday and a 'working' day only on a weekend, a name for each.
   */
  async importYear(
    year: number,
    announcement: YearAnnouncement,
    actor: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<{ year: StoredCalendarYear; days: StoredCalendarDay[] }> {
    const errors = validateAnnouncement(year, announcement);
    if (errors.length > 0) throw DomainError.validation(errors);
    const dayRepository = em.getRepository(WorkingCalendarDayEntity);
    await dayRepository.delete({ date: Between(`${year}-01-01`, `${year}-12-31`) });
    const days = [...announcement.days].sort((a, b) => a.date.localeCompare(b.date));
    const rows = days.map((day) => ({
      date: day.date,
      kind: day.kind,
      name: day.name.trim(),
      source: 'admin' as const,
      updatedBy: actor,
    }));
    // One INSERT for the year's days; `updated_at` is the database's now(), returned in the generated values.
    const inserted = rows.length > 0 ? (await dayRepository.insert(rows)).generatedMaps : [];
    const stored = rows.map((row, i) =>
      toStored({ ...row, ...(inserted[i] as Pick<WorkingCalendarDayEntity, 'updatedAt'>) }),
    );
    const yearRecords = await sql.rows<WorkingCalendarYearEntity>(
      em,
      `INSERT INTO working_calendar_year (year, status, document_number, document_date, updated_at, updated_by)
       VALUES ($1, 'announced', $2, $3, now(), $4)
       ON CONFLICT (year) DO UPDATE SET status = 'announced', document_number = EXCLUDED.document_number,
         document_date = EXCLUDED.document_date, updated_at = now(), updated_by = EXCLUDED.updated_by
       RETURNING ${YEAR_COLUMNS}`,
      [year, announcement.documentNumber.trim(), announcement.documentDate, actor],
    );
    return { year: toStoredYear(yearRecords[0]), days: stored };
  }

  /** Stored days, optionally limited to [from, to]. */
  async listDays(from?: string, to?: string): Promise<StoredCalendarDay[]> {
    const where: FindOptionsWhere<WorkingCalendarDayEntity> = {};
    if (from !== undefined && to !== undefined) where.date = Between(from, to);
    else if (from !== undefined) where.date = MoreThanOrEqual(from);
    else if (to !== undefined) where.date = LessThanOrEqual(to);
    const days = await this.dataSource.getRepository(WorkingCalendarDayEntity).find({ where, order: { date: 'ASC' } });
    return days.map(toStored);
  }

  /** Creates or replaces the override of one day (source 'admin'). */
  async setDay(
    date: string,
    kind: 'holiday' | 'working',
    name: string,
    actor: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<StoredCalendarDay> {
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
    const records = await sql.rows<WorkingCalendarDayEntity>(
      em,
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

function toStored(record: WorkingCalendarDayEntity): StoredCalendarDay {
  return {
    date: record.date,
    kind: record.kind,
    name: record.name,
    source: record.source,
    updatedAt: record.updatedAt.toISOString(),
    updatedBy: record.updatedBy,
  };
}

function toStoredYear(record: WorkingCalendarYearEntity): StoredCalendarYear {
  return {
    year: Number(record.year),
    status: record.status,
    documentNumber: record.documentNumber,
    documentDate: record.documentDate,
    updatedAt: record.updatedAt.toISOString(),
    updatedBy: record.updatedBy,
  };
}

function validateAnnouncement(year: number, a: YearAnnouncement): FieldError[] {
  const errors: FieldError[] = [];
  if (!Number.isSafeInteger(year) || year < 2000 || year > 2200) {
    errors.push({ field: 'year', code: 'invalid_value', message: 'Năm không hợp lệ.' });
    return errors;
  }
  if (typeof a.documentNumber !== 'string' || a.documentNumber.trim().length < 3) {
    errors.push({ field: 'documentNumber', code: 'required', message: 'Cần ghi số hiệu văn bản công bố lịch nghỉ.' });
  }
  if (!isIsoDate(a.documentDate)) {
    errors.push({ field: 'documentDate', code: 'invalid_date', message: 'Ngày ban hành văn bản cần dạng YYYY-MM-DD.' });
  }
  if (!Array.isArray(a.days) || a.days.length > MAX_DAYS_PER_YEAR) {
    errors.push({
      field: 'days',
      code: 'invalid_value',
      message: `Danh sách ngày phải có tối đa ${MAX_DAYS_PER_YEAR} ngày.`,
    });
    return errors;
  }
  const seen = new Set<string>();
  a.days.forEach((day, i) => {
    const field = `days.${i}`;
    if (!isIsoDate(day?.date) || !day.date.startsWith(`${year}-`)) {
      errors.push({
        field: `${field}.date`,
        code: 'invalid_date',
        message: `Ngày phải thuộc năm ${year} (YYYY-MM-DD).`,
      });
      return;
    }
    if (seen.has(day.date)) {
      errors.push({ field: `${field}.date`, code: 'duplicate_date', message: 'Mỗi ngày chỉ được khai một lần.' });
    }
    seen.add(day.date);
    if (day.kind === 'holiday' && isWeekend(day.date)) {
      errors.push({
        field: `${field}.kind`,
        code: 'weekend_holiday',
        message: 'Ngày nghỉ trùng thứ Bảy, Chủ nhật không cần khai; hãy khai ngày nghỉ bù.',
      });
    } else if (day.kind === 'working' && !isWeekend(day.date)) {
      errors.push({
        field: `${field}.kind`,
        code: 'weekday_working',
        message: 'Chỉ khai ngày làm việc cho thứ Bảy hoặc Chủ nhật được làm bù.',
      });
    } else if (day.kind !== 'holiday' && day.kind !== 'working') {
      errors.push({
        field: `${field}.kind`,
        code: 'invalid_value',
        message: 'Loại ngày phải là holiday hoặc working.',
      });
    }
    if (typeof day.name !== 'string' || !day.name.trim() || day.name.length > 200) {
      errors.push({ field: `${field}.name`, code: 'required', message: 'Cần ghi tên ngày (tối đa 200 ký tự).' });
    }
  });
  return errors;
}
