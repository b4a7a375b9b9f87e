import { Inject, Injectable } from '@nestjs/common';
import { daysInMonth } from '../calendar/iso-date';
import { LegalContextService } from '../eligibility/legal-context.service';
import { CLOCK, Clock } from '../platform/clock/clock';
import { DomainError } from '../platform/errors/domain-error';
import { IndicatorSet, computeIndicators } from './domain/service-indicators';
import { IndicatorsRepository } from './indicators.repository';

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
/** The earliest month the open data serves (the service started in 2025). */
export const FIRST_MONTH = '2025-01';

export interface MonthIndicators {
  month: string;
  /** Last day counted: the month's last day, or today for the running month. */
  countedUntil: string;
  complete: boolean;
  province: IndicatorSet;
  centers: { centerCode: string; centerName: string; indicators: IndicatorSet }[];
}

export function monthRange(month: string): { firstDay: string; lastDay: string } {
  const [y, m] = month.split('-').map(Number);
  return { firstDay: `${month}-01`, lastDay: `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}` };
}

export function previousMonth(today: string): string {
  const [y, m] = today.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The service indicators of a month, province-wide and per center (docs/indicators.md). */
@Injectable()
export class IndicatorsService {
  constructor(
    private readonly repository: IndicatorsRepository,
    private readonly legal: LegalContextService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The month given, checked: YYYY-MM, from FIRST_MONTH, not after the current month. */
  checkedMonth(month: string | undefined, field = 'month'): string {
    const current = this.clock.today().slice(0, 7);
    if (month === undefined || month === '') return current;
    if (!MONTH_PATTERN.test(month))
      throw DomainError.validation([{ field, code: 'invalid_format', message: 'Tháng phải có dạng YYYY-MM.' }]);
    if (month > current || month < FIRST_MONTH)
      throw DomainError.validation([
        { field, code: 'out_of_range', message: `Tháng phải từ ${FIRST_MONTH} đến tháng hiện tại (${current}).` },
      ]);
    return month;
  }

  async month(month: string): Promise<MonthIndicators> {
    const today = this.clock.today();
    const { firstDay, lastDay: monthEnd } = monthRange(month);
    const lastDay = monthEnd < today ? monthEnd : today;
    const [facts, { rules, calendar }, centers] = await Promise.all([
      this.repository.monthFacts(firstDay, lastDay),
      this.legal.current(),
      this.repository.centers(),
    ]);
    const names = new Map(centers.map((c) => [c.code, c.name]));
    const sets = computeIndicators(facts, { rules, calendar, firstDay, lastDay });
    return {
      month,
      countedUntil: lastDay,
      complete: monthEnd < today,
      province: sets[0].indicators,
      centers: sets.slice(1).map((s) => ({
        centerCode: s.centerCode!,
        centerName: names.get(s.centerCode!) ?? s.centerCode!,
        indicators: s.indicators,
      })),
    };
  }

  /** The last `count` months up to `month`, oldest first (for the charts). */
  async series(month: string, count: number): Promise<MonthIndicators[]> {
    const months: string[] = [month];
    while (months.length < count && months[0] > FIRST_MONTH) months.unshift(previousMonth(`${months[0]}-01`));
    const out: MonthIndicators[] = [];
    for (const m of months) out.push(await this.month(m));
    return out;
  }
}
