import { Injectable, Logger } from '@nestjs/common';
import { RegistryReader } from '../registries/registry-reader.service';
import { BenefitRepository } from './benefit.repository';
import { BenefitService } from './benefit.service';

/**
 * The daily re-employment sweep (Luật Việc làm 74/2025 Điều 41 k.4 a): each beneficiary still receiving is looked up
 * in the social-insurance registry (through the existing port, logged in the data-access log with the purpose
 * `benefit_reemployment_sweep`); a contribution in a benefit month means a new job with compulsory insurance, and a
 * termination is proposed with the first day of that contribution month as the effective date (the registry reports
 * months, not days; the Director may correct the date when deciding). Idempotent: one proposal per dossier and reason.
 */
@Injectable()
export class ReemploymentSweep {
  private readonly logger = new Logger('benefits.reemployment');

  constructor(
    private readonly benefits: BenefitRepository,
    private readonly service: BenefitService,
    private readonly registries: RegistryReader,
  ) {}

  async run(today: string): Promise<{ checked: number; proposed: number }> {
    let after: string | null = null;
    let checked = 0;
    let proposed = 0;
    for (;;) {
      const page = await this.benefits.running(after, 200);
      if (!page.length) return { checked, proposed };
      for (const b of page) {
        after = b.dossierId;
        const months = await this.benefits.months(b.dossierId);
        if (!months.length || months[0].from > today) continue;
        checked += 1;
        const record = await this.registries
          .readInsurance(b.personalId, {
            actorType: 'system',
            actorId: 'benefits.reemployment-sweep',
            purpose: 'benefit_reemployment_sweep',
          })
          .catch((error: Error) => {
            this.logger.warn(`registry read failed for a beneficiary: ${error.message}`);
            return undefined;
          });
        if (!record) continue;
        const firstMonth = months[0].from.slice(0, 7);
        const todayMonth = today.slice(0, 7);
        const found = record.contributions
          .filter((c) => c.salary > 0 && c.month >= firstMonth && c.month <= todayMonth)
          .sort((x, y) => x.month.localeCompare(y.month))[0];
        if (!found) continue;
        const effectiveDate = `${found.month}-01` < months[0].from ? months[0].from : `${found.month}-01`;
        const created = await this.service.proposeTermination(b, 'new_job', effectiveDate, {
          source: 'social_insurance_registry',
          month: found.month,
          employerName: found.employerName,
          employerTaxCode: found.employerTaxCode,
        });
        if (created) proposed += 1;
      }
    }
  }
}
