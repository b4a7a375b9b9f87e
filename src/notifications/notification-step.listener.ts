import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { DossierStepEvent, DossierStepListener } from '../dossiers/ports/dossier-step-listeners.port';
import { NotificationTemplateName, vnd, vnDate } from './notification-templates';
import { NotificationService } from './notification.service';

/** The workflow steps a citizen is told about, and the template of each. */
export const STEP_TEMPLATES: Readonly<Record<string, NotificationTemplateName>> = {
  receive: 'dossier_received',
  request_supplement: 'supplement_requested',
  approve: 'decision_approved',
  deny: 'decision_denied',
  return_result: 'result_returned',
  revoke_decision: 'decision_revoked',
  suspend: 'benefit_suspended',
  resume: 'benefit_resumed',
  terminate: 'benefit_terminated',
};

/** Tells the citizen of each status change they care about, in the step's transaction (never blocking it). */
@Injectable()
export class NotificationStepListener implements DossierStepListener {
  constructor(private readonly notifications: NotificationService) {}

  async onStep(em: EntityManager, event: DossierStepEvent): Promise<void> {
    const template = STEP_TEMPLATES[event.action];
    if (!template) return;
    const { dossier } = event;
    const output = dossier.assessment?.output;
    const periods: { from: string; to: string }[] = output?.periods ?? [];
    const values: Record<string, string | number> = {
      dossierId: dossier.id,
      note: event.note ?? 'xem trên trang dịch vụ',
    };
    if (dossier.dueDate) values.dueDate = vnDate(dossier.dueDate);
    if (template === 'decision_approved' && periods.length) {
      values.monthlyAmount = vnd(Number(output?.monthlyBenefit ?? 0));
      values.months = periods.length;
      values.from = vnDate(periods[0].from);
      values.to = vnDate(periods[periods.length - 1].to);
    }
    await this.notifications.notify(em, dossier.personalId, template, values as { dossierId: string }, {
      dedupeKey: `step:${dossier.id}:${event.eventSeq}`,
    });
  }
}
