import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { isIsoDate } from '../calendar/iso-date';
import { WorkingCalendarRepository } from '../calendar/working-calendar.repository';
import { Principal } from '../identity';
import { CLOCK, Clock } from '../platform/clock/clock';
import { DomainError } from '../platform/errors/domain-error';
import { CalendarDayDto, CalendarRangeDto, NewLegalParameterDto } from './dto/legal-admin.dto';
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

  async addParameter(admin: Principal, body: NewLegalParameterDto) {
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

  async setDay(admin: Principal, date: string, body: CalendarDayDto) {
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
}
