import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '../platform/clock/clock';
import { DomainError } from '../platform/errors/domain-error';
import { KPI_COLUMNS, KpiRow, kpiRow, toCsv } from './domain/open-data';
import { IndicatorsService, MonthIndicators } from './indicators.service';

/** How long a month's figures are served from memory: the page and the open data are public and cheap to repeat. */
const CACHE_MS = 5 * 60_000;

export interface KpiDocument {
  month: string;
  countedUntil: string;
  complete: boolean;
  generatedAt: string;
  province: KpiRow;
  centers: KpiRow[];
}

export const KPI_FORMATS = ['json', 'csv'] as const;
export type KpiFormat = (typeof KPI_FORMATS)[number];

/** The public indicators (page /chi-so and GET /api/v1/public/kpi), kept a few minutes per month. */
@Injectable()
export class OpenDataService {
  private readonly cache = new Map<string, { at: number; value: Promise<MonthIndicators> }>();

  constructor(
    private readonly indicators: IndicatorsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A month's indicators, from the cache when fresh. */
  month(month: string): Promise<MonthIndicators> {
    const hit = this.cache.get(month);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
    const value = this.indicators.month(month);
    value.catch(() => this.cache.delete(month));
    if (this.cache.size > 48) this.cache.clear();
    this.cache.set(month, { at: Date.now(), value });
    return value;
  }

  checkedMonth(month: unknown, field = 'month'): string {
    if (month !== undefined && typeof month !== 'string')
      throw DomainError.validation([{ field, code: 'invalid_format', message: 'Tháng phải có dạng YYYY-MM.' }]);
    return this.indicators.checkedMonth(month, field);
  }

  /** `?format=` wins; else `Accept: text/csv` asks for CSV; JSON otherwise. */
  format(format: unknown, accept: string | undefined): KpiFormat {
    if (format !== undefined) {
      if (typeof format === 'string' && (KPI_FORMATS as readonly string[]).includes(format)) return format as KpiFormat;
      throw DomainError.validation([
        { field: 'format', code: 'invalid_value', message: 'Định dạng (format) chỉ nhận json hoặc csv.' },
      ]);
    }
    return /\btext\/csv\b/i.test(accept ?? '') ? 'csv' : 'json';
  }

  async document(month: string): Promise<KpiDocument> {
    const m = await this.month(month);
    return {
      month: m.month,
      countedUntil: m.countedUntil,
      complete: m.complete,
      generatedAt: this.clock.now().toISOString(),
      province: kpiRow(m.month, null, m.province),
      centers: m.centers.map((c) => kpiRow(m.month, { code: c.centerCode, name: c.centerName }, c.indicators)),
    };
  }

  csv(doc: KpiDocument): string {
    return toCsv(KPI_COLUMNS, [doc.province, ...doc.centers]);
  }
}
