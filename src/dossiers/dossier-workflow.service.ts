import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
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
import { Actor } from './domain/actor';
import type { ReemploymentCheck } from './domain/dossier';
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

export type { ActionInput } from './domain/dossier-workflow';

/**
 * Takes a workflow step: load → guard → required input → facts → apply (pure, from the table) → persist, the
 * last in one transaction: the change (optimistic on the version), the history event, the portal event (held for
 * the step's document when the table says so), the step's document request or decision revocation, and the
 * audit row. Everything a step does is in its row of WORKFLOW; this service has no per-action code.
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
  ) {}

  /** Citizens act on their own dossiers only; someone else's is "not found" (its existence is not revealed). */
  async act(actor: Actor, dossierId: string, input: ActionInput): Promise<DossierRecord> {
    const dossier = await this.dossiers.findById(dossierId);
    if (!dossier || (actor.type === 'citizen' && dossier.personalId !== actor.id))
      throw DomainError.notFound('Không tìm thấy hồ sơ.');
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
    const facts = await this.loadFacts(step.loads ?? [], actor, dossier, { today, rules, calendar });
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
          noteVisibility: noteVisibilityOf(step, input, actor.type),
          data: data ?? {},
          occurredAt: now,
          dueDate: updated.dueDate,
          portalHeldFor: step.awaitsDocument ? step.document : undefined,
        },
        async (eventSeq) => {
          if (step.document) await this.documents.requestIssue(em, { dossierId: dossier.id, kind: step.document, eventSeq });
          if (step.revokesDecision)
            await this.documents.revokeDecision(em, dossier.id, { at, reason: input.reason!, by: actor.id });
        },
      );
      return updated;
    });
  }

  private async loadFacts(
    names: readonly FactName[],
    actor: Actor,
    dossier: DossierRecord,
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
      }
    }
    return facts;
  }

  /** Work within the waiting period shows as contributions after the termination month (re-read, logged). */
  private async reemploymentCheck(actor: Actor, dossier: DossierRecord): Promise<ReemploymentCheck> {
    const insurance = await this.registries.readInsurance(dossier.personalId, {
      actorType: actor.type,
      actorId: actor.id,
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
export function actingParty(actor: Actor): ActingParty {
  if (actor.type === 'citizen') return { role: 'citizen', centerCode: null };
  if (actor.type !== 'staff' || !actor.role || actor.role === 'admin')
    throw DomainError.forbidden('Vai trò của bạn không xử lý hồ sơ.');
  return { role: actor.role, centerCode: actor.centerCode ?? null };
}

function staleVersion(current: number): DomainError {
  return new DomainError(ErrorCode.StaleVersion, 'Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại và thử lại.', {
    currentVersion: current,
  });
}
