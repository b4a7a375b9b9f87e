import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLogRepository } from '../audit/audit-log.repository';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { assess } from '../eligibility/domain/benefit-calculator';
import type { LegalRules } from '../eligibility/domain/legal-rules';
import { LegalContextService } from '../eligibility/legal-context.service';
import { CLOCK, Clock } from '../platform/clock/clock';
import { DomainError, ErrorCode } from '../platform/errors/domain-error';
import { Runtime } from '../platform/embedded/runtime';
import { RUNTIME } from '../platform/platform.module';
import { PortalOutboxRepository } from '../portal/portal-outbox.repository';
import { RegistryReader } from '../registries/registry-reader.service';
import { actorRef, actorTypeOf, type Caller } from '../identity/caller';
import type { ReemploymentCheck } from './domain/dossier';
import { assertDossierAccess } from './domain/dossier-access';
import { STATUS_LABELS } from './domain/dossier-status';
import {
  ActingParty,
  ActionInput,
  FactName,
  guard,
  missingInput,
  nextStatus,
  noteVisibilityOf,
  StepFacts,
  WORKFLOW,
} from './domain/dossier-workflow';
import { DossierRecord, DossierRepository } from './dossier.repository';
import { recordStep } from './dossier-transaction';
import { DOSSIER_DOCUMENTS, DossierDocuments } from './ports/dossier-documents.port';
import { DOSSIER_BENEFITS, DossierBenefits } from './ports/dossier-benefits.port';
import { DOSSIER_STEP_LISTENERS, DossierStepListener } from './ports/dossier-step-listeners.port';

export type { ActionInput } from './domain/dossier-workflow';

/**
 * Takes a workflow step: load → guard → required input → facts → apply (pure, from the table) → persist, the
 * last in one transaction: the change (optimistic on the version), the history event, the portal event (held for
 * the step's document when the table says so), the step's document request or decision revocation, the step
 * listeners (DOSSIER_STEP_LISTENERS: social-insurance outbox, notifications) and the audit row. Everything a step does is in its row of WORKFLOW; this service has no per-action code.
 */
@Injectable()
export class DossierWorkflowService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dossiers: DossierRepository,
    private readonly legal: LegalContextService,
    private readonly registries: RegistryReader,
    private readonly outbox: PortalOutboxRepository,
    private readonly audit: AuditLogRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Inject(DOSSIER_DOCUMENTS) private readonly documents: DossierDocuments,
    @Inject(DOSSIER_BENEFITS) private readonly benefits: DossierBenefits,
    @Optional() @Inject(DOSSIER_STEP_LISTENERS) private readonly listeners: readonly DossierStepListener[] = [],
  ) {}

  /** Citizens act on their own dossiers only; someone else's is "not found" (its existence is not revealed). */
  async act(actor: Caller, dossierId: string, input: ActionInput): Promise<DossierRecord> {
    const dossier = assertDossierAccess(actor, await this.dossiers.findById(dossierId), 'act');
    const step = WORKFLOW[input.action];
    const verdict = guard(input.action, dossier.status, dossier.centerCode, actingParty(actor));
    if (!verdict.ok) {
      if (verdict.reason === 'status') {
        throw new DomainError(
          ErrorCode.InvalidTransition,
          `Không thể "${step.label}" khi hồ sơ đang ở trạng thái "${STATUS_LABELS[dossier.status]}".`,
          { status: dossier.status, action: input.action },
        );
      }
      throw DomainError.forbidden(
        verdict.reason === 'center'
          ? 'Hồ sơ thuộc trung tâm khác.'
          : 'Vai trò của bạn không được thực hiện thao tác này.',
      );
    }
    const expectedVersion = input.expectedVersion ?? dossier.version;
    if (expectedVersion !== dossier.version) throw staleVersion(dossier.version);
    const missing = missingInput(step, { dossier, input });
    if (missing.length) throw DomainError.validation(missing);

    const at = this.clock.now();
    const now = at.toISOString();
    const today = this.clock.today();
    const { rules, calendar } = await this.legal.current();
    const facts = await this.loadFacts(step.loads ?? [], actor, dossier, input, { today, rules, calendar });
    if (step.benefit?.from && !step.benefit.from.includes(facts.benefit?.state ?? 'none')) {
      throw new DomainError(
        ErrorCode.InvalidTransition,
        `Không thể "${step.label}" khi chế độ hưởng trợ cấp đang ở trạng thái "${facts.benefit?.state ?? 'none'}".`,
        { benefitStatus: facts.benefit?.state ?? 'none', action: input.action },
      );
    }
    const context = { dossier, input, actor, now, today, rules, calendar, facts };
    const unmet = (step.checks ?? []).flatMap((c) => c.unmet(context) ?? []);
    if (unmet.length) throw DomainError.unprocessable(unmet[0].message, unmet);
    const to = nextStatus(step, dossier);
    const { change, data } = step.apply(context);

    return this.dataSource.transaction(async (em) => {
      if (!(await this.dossiers.applyChange(em, dossier.id, expectedVersion, { ...change, status: to }))) {
        const current = await this.dossiers.findById(dossier.id, em);
        throw staleVersion(current?.version ?? dossier.version);
      }
      const updated = (await this.dossiers.findById(dossier.id, em))!;
      await recordStep(
        em,
        { dossiers: this.dossiers, outbox: this.outbox, audit: this.audit },
        this.runtime.config.procedureCode,
        dossier,
        actor,
        {
          action: input.action,
          from: dossier.status,
          to,
          note: input.reason ?? input.note ?? null,
          noteVisibility: noteVisibilityOf(step, input, actor.kind),
          data: data ?? {},
          occurredAt: now,
          dueDate: updated.dueDate,
          portalHeldFor: step.awaitsDocument ? step.document : undefined,
          benefit:
            step.benefit && facts.benefit && Object.keys(facts.benefit.data).length ? facts.benefit.data : undefined,
        },
        async (eventSeq) => {
          if (step.benefit && facts.benefit)
            await this.benefits.apply(em, {
              dossier: updated,
              effect: step.benefit.effect,
              facts: facts.benefit,
              eventSeq,
              at,
              today: this.clock.today(),
              actorId: actor.subject,
            });
          if (step.document)
            await this.documents.requestIssue(em, { dossierId: dossier.id, kind: step.document, eventSeq });
          if (step.revokesDecision)
            await this.documents.revokeDecision(em, dossier.id, { at, reason: input.reason!, by: actor.subject });
          for (const listener of this.listeners ?? [])
            await listener.onStep(em, {
              action: input.action,
              from: dossier.status,
              to,
              dossier: updated,
              actor: actorRef(actor),
              occurredAt: now,
              eventSeq,
              note: input.reason ?? input.note ?? null,
              data: { ...input, ...(data ?? {}) },
            });
        },
      );
      return updated;
    });
  }

  /**
   * An event of the benefit period that leaves the dossier's status as it is (a job-search notice, a missed month):
   * written like a step, in the caller's transaction: history event, portal event (with its `benefit` summary) and
   * audit row. Returns the history event's number.
   */
  async recordBenefitEvent(
    em: EntityManager,
    dossier: DossierRecord,
    actor: Caller,
    event: { action: string; note?: string | null; data: Record<string, unknown>; occurredAt: string },
  ): Promise<number> {
    let seq = 0;
    await recordStep(
      em,
      { dossiers: this.dossiers, outbox: this.outbox, audit: this.audit },
      this.runtime.config.procedureCode,
      dossier,
      actor,
      {
        action: event.action,
        from: dossier.status,
        to: dossier.status,
        note: event.note ?? null,
        data: event.data,
        occurredAt: event.occurredAt,
        dueDate: dossier.dueDate,
        benefit: event.data,
      },
      async (eventSeq) => {
        seq = eventSeq;
      },
    );
    return seq;
  }

  private async loadFacts(
    names: readonly FactName[],
    actor: Caller,
    dossier: DossierRecord,
    input: ActionInput,
    legal: { today: string; rules: LegalRules; calendar: WorkingCalendar },
  ): Promise<StepFacts> {
    const facts: StepFacts = {};
    for (const name of names) {
      switch (name) {
        case 'reemployment':
          facts.reemployment = await this.reemploymentCheck(actor, dossier);
          break;
        case 'attachmentKinds':
          facts.attachmentKinds = (await this.dossiers.attachments(dossier.id)).map((a) => a.kind);
          break;
        case 'decisionAssessment':
          if (!dossier.assessment) throw DomainError.unprocessable('Hồ sơ chưa có kết quả đánh giá.', []);
          facts.decisionAssessment = assess(
            { ...dossier.assessment.input, decisionDate: legal.today },
            legal.rules,
            legal.calendar,
          );
          break;
        case 'benefit': {
          const effect = WORKFLOW[input.action].benefit?.effect;
          if (effect) facts.benefit = await this.benefits.prepare(dossier, effect, input, legal.today);
          break;
        }
      }
    }
    return facts;
  }

  /** Work within the waiting period shows as contributions after the termination month (re-read, logged). */
  private async reemploymentCheck(actor: Caller, dossier: DossierRecord): Promise<ReemploymentCheck> {
    const insurance = await this.registries.readInsurance(dossier.personalId, {
      actorType: actorTypeOf(actor),
      actorId: actor.subject,
      purpose: 'reemployment_check',
      requestId: actor.requestId,
    });
    const terminationMonth = dossier.terminationDate.slice(0, 7);
    const after = (insurance?.contributions ?? []).filter((c) => c.month > terminationMonth);
    return {
      checkedAt: this.clock.now().toISOString(),
      contributedAfterTermination: after.length > 0,
      months: after.map((c) => ({ month: c.month, employerName: c.employerName })),
    };
  }
}

/** The actor as the workflow table knows it; administrators and the portal take no workflow action. */
export function actingParty(actor: Caller): ActingParty {
  if (actor.kind === 'citizen') return { role: 'citizen', centerCode: null };
  if (actor.kind !== 'staff' || actor.role === 'admin')
    throw DomainError.forbidden('Vai trò của bạn không xử lý hồ sơ.');
  return { role: actor.role, centerCode: actor.centerCode ?? null };
}

function staleVersion(current: number): DomainError {
  return new DomainError(ErrorCode.StaleVersion, 'Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại và thử lại.', {
    currentVersion: current,
  });
}
