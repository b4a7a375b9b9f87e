import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DOSSIER_DOCUMENTS, DossierDocuments } from '../dossiers/ports/dossier-documents.port';
import type { DossierStepEvent, DossierStepListener } from '../dossiers/ports/dossier-step-listeners.port';
import { PaymentsRepository } from './payments.repository';
import { SocialInsuranceOutbox } from './social-insurance-outbox';
import {
  applicationAccount,
  approvedMonths,
  decisionHold,
  SocialInsuranceEvent,
  STEP_EVENT_TYPES,
} from './social-insurance-event';

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/**
 * Tells the office of every step it pays from, in the step's own transaction: an approval (with the months and
 * amount, and the expected `pending` payment of each month), a revocation, and the benefit period's suspension,
 * resumption and termination. An approval waits (held) until its signed decision exists, so the office always
 * receives the decision's number, date and hash with it; the person's later events wait behind it.
 */
@Injectable()
export class SocialInsuranceStepListener implements DossierStepListener {
  constructor(
    private readonly outbox: SocialInsuranceOutbox,
    private readonly payments: PaymentsRepository,
    @Inject(DOSSIER_DOCUMENTS) private readonly documents: DossierDocuments,
  ) {}

  async onStep(em: EntityManager, step: DossierStepEvent): Promise<void> {
    const type = STEP_EVENT_TYPES[step.action];
    if (!type) return;
    const { dossier } = step;
    const base: Omit<SocialInsuranceEvent, 'eventId'> = {
      type,
      occurredAt: step.occurredAt,
      dossierCode: dossier.code,
      personalId: dossier.personalId,
      fullName: dossier.fullName,
    };
    if (type === 'approval') {
      const benefit = approvedMonths(dossier);
      await this.payments.expect(em, dossier, benefit.monthlyAmount, benefit.months);
      const account = (await this.payments.currentAccount(dossier.id, em)) ?? applicationAccount(dossier);
      await this.outbox.enqueue(em, { ...base, benefit, paymentAccount: account }, { hold: decisionHold(dossier.id) });
      return;
    }
    const data = step.data;
    const month = Number(data.month);
    const event: Omit<SocialInsuranceEvent, 'eventId'> = {
      ...base,
      ...(Number.isInteger(month) && month > 0 ? { month } : {}),
      ...(text(data.effectiveDate) ? { effectiveDate: text(data.effectiveDate) } : {}),
      ...((text(data.terminationReason) ?? text(data.reason))
        ? { reason: text(data.terminationReason) ?? text(data.reason) }
        : {}),
      ...(step.note ? { note: step.note } : {}),
    };
    if (type === 'revocation') {
      const { decision } = await this.documents.forDossier(dossier.id, em);
      if (decision)
        event.decision = {
          number: decision.number,
          issuedAt: decision.issuedAt,
          sha256: decision.sha256,
          url: decision.verifyUrl,
        };
    }
    await this.outbox.enqueue(em, event);
  }
}
