import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { isIsoDate } from '../calendar/iso-date';
import { WorkingCalendarRepository } from '../calendar/working-calendar.repository';
import { Caller } from '../identity';
import { CLOCK, Clock } from '../platform/clock/clock';
import { DomainError } from '../platform/errors/domain-error';
import { CalendarDayDto, CalendarRangeDto, CalendarYearImportDto, NewLegalParameterDto } from './dto/legal-admin.dto';
import { LegalContextService } from './legal-context.service';
import { LegalRulesRepository } from './legal-rules.repository';

/** Administrators keep the law's figures and the working calendar as data; every change is audited. */
@Injectable()
export class LegalAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: LegalRulesRepository,
    private readonly calendar: WorkingCalendarRepository,
    private readonly legal: LegalContextService,
    private readonly audit: AuditLogRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  listParameters() {
    return this.rules.listParameters().then((items) => ({ items }));
  }

  async addParameter(admin: Caller, body: NewLegalParameterDto) {
    const row = await this.dataSource.transaction(async (em) => {
      const stored = await this.rules.addParameter(
        { ...body, zone: body.zone ?? null },
        admin.subject,
        this.clock.today(),
        em,
      );
      await this.audit.append(em, {
        actorType: 'staff',
        actorId: admin.subject,
        action: 'legal_parameter.add',
        entityType: 'legal_parameter',
        entityId: stored.id,
        data: {
          key: stored.key,
          zone: stored.zone,
          value: stored.value,
          effectiveFrom: stored.effectiveFrom,
          legalBasis: stored.legalBasis,
        },
      });
      return stored;
    });
    this.legal.invalidate();
    return row;
  }

  listDays(query: CalendarRangeDto) {
    for (const field of ['from', 'to'] as const) {
      if (query[field] !== undefined && !isIsoDate(query[field])) {
        throw DomainError.validation([{ field, code: 'invalid_date', message: 'Ngày phải có dạng YYYY-MM-DD.' }]);
      }
    }
    return this.calendar.listDays(query.from, query.to).then((items) => ({ items }));
  }

  async setDay(admin: Caller, date: string, body: CalendarDayDto) {
    const day = await this.dataSource.transaction(async (em) => {
      const stored = await this.calendar.setDay(date, body.kind, body.name, admin.subject, em);
      await this.audit.append(em, {
        actorType: 'staff',
        actorId: admin.subject,
        action: 'calendar_day.set',
        entityType: 'working_calendar_day',
        entityId: date,
        data: { kind: body.kind, name: body.name },
      });
      return stored;
    });
    this.legal.invalidate();
    return day;
  }

  listYears() {
    return this.calendar.listYears().then((items) => ({ items }));
  }

  /** Imports a year's announced schedule: replaces its days, records the document, audits, in one transaction. */
  async importYear(admin: Caller, yearParam: string, body: CalendarYearImportDto) {
    const year = /^\d{4}$/.test(yearParam) ? Number(yearParam) : NaN;
    const result = await this.dataSource.transaction(async (em) => {
      const imported = await this.calendar.importYear(year, body, admin.subject, em);
      await this.audit.append(em, {
        actorType: 'staff',
        actorId: admin.subject,
        action: 'calendar_year.import',
        entityType: 'working_calendar_year',
        entityId: String(year),
        data: {
          documentNumber: imported.year.documentNumber,
          documentDate: imported.year.documentDate,
          days: imported.days.map(({ date, kind, name }) => ({ date, kind, name })),
        },
      });
      return imported;
    });
    this.legal.invalidate();
    return { ...result.year, days: result.days };
  }
}
