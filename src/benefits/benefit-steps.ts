import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { isIsoDate } from '../calendar/iso-date';
import type { ActionInput, BenefitEffect } from '../dossiers/domain/dossier-workflow';
import type { DossierRecord } from '../dossiers/dossier.repository';
import type { BenefitStepFacts, DossierBenefits } from '../dossiers/ports/dossier-benefits.port';
import { LegalContextService } from '../eligibility/legal-context.service';
import { DomainError } from '../platform/errors/domain-error';
import { BenefitRepository } from './benefit.repository';
import {
  benefitStatus,
  isTerminationReason,
  planBenefitMonths,
  planTermination,
  TERMINATION_REASON_LAW,
} from './domain/benefit-period';

/**
 * The DOSSIER_BENEFITS port (bound by the application module): what the workflow rows `return_result`, `suspend`,
 * `resume` and `terminate` do to the benefit period. `prepare` checks and works out the step's data before the
 * step; `apply` writes it inside the step's transaction.
 */
@Injectable()
export class BenefitSteps implements DossierBenefits {
  constructor(
    private readonly benefits: BenefitRepository,
    private readonly legal: LegalContextService,
  ) {}

  async prepare(
    dossier: DossierRecord,
    effect: BenefitEffect,
    input: ActionInput,
    today: string,
  ): Promise<BenefitStepFacts> {
    if (effect === 'start') {
      const o = dossier.assessment?.output;
      if (dossier.status !== 'APPROVED' || !o?.eligible || !Array.isArray(o.periods) || !o.periods.length)
        return { state: 'none', data: {} };
      const { calendar } = await this.legal.current();
      const months = planBenefitMonths(o.periods, today, calendar);
      return {
        state: 'none',
        data: {
          event: 'benefit_started',
          benefitMonths: months.length,
          monthlyBenefit: o.monthlyBenefit,
          firstNoticeWindow: months[0].noticeWindow,
        },
      };
    }
    const benefit = await this.benefits.find(dossier.id);
    if (!benefit) return { state: 'none', data: {} };
    const months = await this.benefits.months(dossier.id);
    const state = benefitStatus(benefit.status, months, today);
    switch (effect) {
      case 'suspend': {
        const missed = months.find((m) => m.outcome === 'missed');
        if (!missed)
          throw DomainError.conflict('Không có tháng nào bỏ lỡ thông báo tìm kiếm việc làm để tạm dừng.', {
            benefitStatus: state,
          });
        return {
          state,
          data: {
            event: 'suspended',
            month: missed.month,
            period: { from: missed.from, to: missed.to },
            // The month missed is not paid: the suspension runs from its first day.
            effectiveDate: missed.from,
            noticeWindow: missed.noticeWindow,
            legalBasis: 'Khoản 2 Điều 41 Luật Việc làm số 74/2025/QH15',
          },
        };
      }
      case 'resume': {
        const lastSuspended = Math.max(0, ...months.filter((m) => m.outcome === 'suspended').map((m) => m.month));
        const notified = months.find((m) => m.month > lastSuspended && m.notice);
        if (!notified)
          throw DomainError.conflict('Chưa có thông báo tìm kiếm việc làm của tháng sau tháng bị tạm dừng.', {
            benefitStatus: state,
          });
        return {
          state,
          data: {
            event: 'resumed',
            month: notified.month,
            period: { from: notified.from, to: notified.to },
            // Paid again from the month whose notice was filed.
            effectiveDate: notified.from,
            noticeFiledAt: notified.notice!.filedAt,
            legalBasis: 'Khoản 3 Điều 41 Luật Việc làm số 74/2025/QH15',
          },
        };
      }
      case 'terminate': {
        const errors = [];
        if (!isTerminationReason(input.terminationReason))
          errors.push({
            field: 'terminationReason',
            code: 'invalid_value',
            message:
              'Lý do chấm dứt phải là một mã của khoản 4 Điều 41 Luật Việc làm (new_job, military_service, ...).',
          });
        if (!isIsoDate(input.effectiveDate))
          errors.push({
            field: 'effectiveDate',
            code: 'invalid_date',
            message: 'Ngày có hiệu lực phải có dạng YYYY-MM-DD.',
          });
        else if (months.length && input.effectiveDate > months[months.length - 1].to)
          errors.push({
            field: 'effectiveDate',
            code: 'after_benefit_end',
            message: 'Ngày có hiệu lực sau khi kết thúc thời gian hưởng: không còn gì để chấm dứt.',
          });
        if (errors.length) throw DomainError.validation(errors);
        const reason = input.terminationReason as keyof typeof TERMINATION_REASON_LAW;
        const plan = planTermination({
          reason,
          effectiveDate: input.effectiveDate!,
          months,
          reservedAfterBenefit: benefit.reservedAfterBenefit,
        });
        const law = TERMINATION_REASON_LAW[reason];
        return {
          state,
          data: {
            event: 'terminated',
            terminationReason: reason,
            reasonLabel: law.label,
            effectiveDate: input.effectiveDate,
            cancelledMonths: plan.cancelledMonths,
            reservedMonths: plan.reservedMonths,
            legalBasis: `Điểm ${law.point} khoản 4 Điều 41 Luật Việc làm số 74/2025/QH15`,
            reserveBasis: plan.reserves ? 'Khoản 5 Điều 41 Luật Việc làm số 74/2025/QH15' : null,
          },
        };
      }
    }
  }

  async apply(
    em: EntityManager,
    r: {
      dossier: DossierRecord;
      effect: BenefitEffect;
      facts: BenefitStepFacts;
      eventSeq: number;
      at: Date;
      today: string;
      actorId: string;
    },
  ): Promise<void> {
    const data = r.facts.data;
    if (r.effect === 'start') {
      if (data.event !== 'benefit_started') return;
      const o = r.dossier.assessment!.output;
      const { calendar } = await this.legal.current();
      await this.benefits.create(
        em,
        {
          dossierId: r.dossier.id,
          centerCode: r.dossier.centerCode,
          personalId: r.dossier.personalId,
          monthlyBenefit: o.monthlyBenefit,
          benefitMonths: o.periods.length,
          reservedAfterBenefit: o.reservedMonthsAfter ?? 0,
          resultReturnedOn: r.today,
        },
        planBenefitMonths(o.periods, r.today, calendar),
      );
      return;
    }
    const benefit = await this.benefits.find(r.dossier.id, em, true);
    if (!benefit || benefit.status === 'terminated')
      throw DomainError.conflict('Chế độ hưởng trợ cấp đã chấm dứt.', { benefitStatus: benefit?.status ?? 'none' });
    const month = typeof data.month === 'number' ? data.month : 0;
    const proposal = (kind: 'suspend' | 'resume' | 'terminate', reason: string | null, effectiveDate: string | null) =>
      this.benefits.propose(em, {
        id: randomUUID(),
        dossierId: benefit.dossierId,
        centerCode: benefit.centerCode,
        kind,
        month: kind === 'terminate' ? 0 : month,
        terminationReason: reason,
        effectiveDate,
        evidence: { decidedDirectly: true },
        proposedOn: r.today,
        proposedAt: r.at,
      });
    switch (r.effect) {
      case 'suspend':
        await this.benefits.setOutcome(em, benefit.dossierId, [month], 'suspended', r.at);
        await this.benefits.setStatus(em, benefit.dossierId, 'suspended');
        await proposal('suspend', null, null);
        await this.benefits.closeProposals(em, benefit.dossierId, 'suspend', r.at);
        return;
      case 'resume':
        await this.benefits.setStatus(em, benefit.dossierId, 'active');
        await proposal('resume', null, null);
        await this.benefits.closeProposals(em, benefit.dossierId, 'resume', r.at);
        return;
      case 'terminate': {
        await this.benefits.setOutcome(em, benefit.dossierId, data.cancelledMonths as number[], 'cancelled', r.at);
        await this.benefits.setStatus(em, benefit.dossierId, 'terminated', {
          reason: String(data.terminationReason),
          effectiveDate: String(data.effectiveDate),
          reservedMonths: Number(data.reservedMonths),
          at: r.at,
        });
        await proposal('terminate', String(data.terminationReason), String(data.effectiveDate));
        await this.benefits.closeProposals(em, benefit.dossierId, 'terminate', r.at, true);
        return;
      }
    }
  }
}
