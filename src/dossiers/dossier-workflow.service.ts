import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { processingDueDate } from '../eligibility/domain/processing-deadlines';
import { LegalContextService } from '../eligibility/legal-context.service';
import { CLOCK, Clock } from '../platform/clock/clock';
import { DomainError, ErrorCode, FieldError } from '../platform/errors/domain-error';
import { Runtime } from '../platform/embedded/runtime';
import { RUNTIME } from '../platform/platform.module';
import { PortalOutboxRepository } from '../portal/portal-outbox.repository';
import { RegistryReader } from '../registries/registry-reader.service';
import { Actor } from './domain/actor';
import { pauseClock, resumeClock } from './domain/dossier-deadlines';
import { DossierStatus } from './domain/dossier-status';
import { ActingParty, guard, WorkflowAction } from './domain/dossier-workflow';
import { DossierChange, DossierRecord, DossierRepository } from './dossier.repository';
import { recordStep } from './dossier-transaction';

export interface ActionInput {
  action: WorkflowAction;
  expectedVersion?: number;
  note?: string;
  items?: string[];
  reason?: string;
  recommendation?: 'approve' | 'deny';
  overrideReason?: string;
}

export const DOSSIER_SIDE_EFFECTS = Symbol('DOSSIER_SIDE_EFFECTS');

/** Work that follows a transition in the same transaction (e.g. queueing the signed document to issue). */
export interface DossierSideEffects {
  afterTransition(em: EntityManager, dossier: DossierRecord, action: WorkflowAction, to: DossierStatus): Promise<void>;
}

/**
 * Moves a dossier through the workflow table: guard, the action's own rules, optimistic concurrency, and the
 * history, portal event and audit rows in one transaction.
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
    @Inject(DOSSIER_SIDE_EFFECTS) private readonly sideEffects: DossierSideEffects,
  ) {}

  /** Citizens act on their own dossiers only; someone else's is "not found" (its existence is not revealed). */
  async act(actor: Actor, dossierId: string, input: ActionInput): Promise<DossierRecord> {
    const dossier = await this.dossiers.findById(dossierId);
    if (!dossier || (actor.type === 'citizen' && dossier.personalId !== actor.id))
      throw DomainError.notFound('Không tìm thấy hồ sơ.');
    const party = actingParty(actor);
    const verdict = guard(input.action, dossier.status, dossier.centerCode, party);
    if (!verdict.ok) {
      if (verdict.reason === 'status') {
        throw new DomainError(
          ErrorCode.InvalidTransition,
          `Không thể "${input.action}" khi hồ sơ đang ở trạng thái ${dossier.status}.`,
          {
            status: dossier.status,
            action: input.action,
          },
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
    requireFields(input);

    const now = this.clock.now().toISOString();
    const today = this.clock.today();
    const { rules, calendar } = await this.legal.current();
    const to: DossierStatus =
      verdict.transition.to === 'previous' ? (dossier.supplement?.fromStatus ?? 'SUBMITTED') : verdict.transition.to;
    const change: DossierChange = { status: to };
    const data: Record<string, unknown> = {};
    let awaitsDecision = false;

    switch (input.action) {
      case 'receive':
        change.receivedAt = now;
        change.dueDate = processingDueDate(today, rules, calendar);
        break;
      case 'request_supplement':
        change.supplement = {
          requestedAt: now,
          items: input.items,
          note: input.note ?? null,
          fromStatus: dossier.status,
          by: actor.id,
        };
        if (dossier.dueDate) change.clockPausedRemaining = pauseClock(today, dossier.dueDate, calendar);
        data.items = input.items;
        break;
      case 'supplement':
        change.supplement = null;
        if (dossier.clockPausedRemaining !== null && dossier.dueDate) {
          change.dueDate = resumeClock(today, dossier.clockPausedRemaining, calendar);
          change.clockPausedRemaining = null;
        }
        data.answered = dossier.supplement;
        break;
      case 'reject_intake':
      case 'deny':
        change.decisionNote = input.reason;
        if (input.action === 'deny') {
          change.decidedAt = now;
          awaitsDecision = true;
        }
        break;
      case 'complete_review': {
        const reemployment = await this.reemploymentCheck(actor, dossier);
        change.review = {
          recommendation: input.recommendation,
          note: input.note ?? null,
          completedAt: now,
          by: actor.id,
          reemployment,
        };
        if (reemployment.contributedAfterTermination) change.flags = [...new Set([...dossier.flags, 'reemployed'])];
        data.recommendation = input.recommendation;
        break;
      }
      case 'approve':
        if (dossier.review?.reemployment?.contributedAfterTermination && !input.overrideReason) {
          throw DomainError.validation([
            {
              field: 'overrideReason',
              code: 'required',
              message: 'Hồ sơ có đóng bảo hiểm sau ngày chấm dứt hợp đồng: cần ghi rõ lý do vẫn quyết định hưởng.',
            },
          ]);
        }
        change.decidedAt = now;
        if (input.overrideReason) data.overrideReason = input.overrideReason;
        awaitsDecision = true;
        break;
      case 'start_review':
      case 'propose':
      case 'return_to_review':
      case 'return_result':
      case 'withdraw':
        break;
    }

    return this.dataSource.transaction(async (em) => {
      if (!(await this.dossiers.applyChange(em, dossier.id, expectedVersion, change))) {
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
          data,
          occurredAt: now,
          dueDate: updated.dueDate,
          awaitsDecision,
        },
        () => this.sideEffects.afterTransition(em, updated, input.action, to),
      );
      return updated;
    });
  }

  /** Work within the waiting period shows as contributions after the termination month (re-read, logged). */
  private async reemploymentCheck(actor: Actor, dossier: DossierRecord) {
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

function requireFields(input: ActionInput): void {
  const errors: FieldError[] = [];
  if (input.action === 'request_supplement' && !input.items?.length) {
    errors.push({ field: 'items', code: 'required', message: 'Cần nêu các giấy tờ cần bổ sung.' });
  }
  if ((input.action === 'reject_intake' || input.action === 'deny') && !input.reason?.trim()) {
    errors.push({ field: 'reason', code: 'required', message: 'Cần nêu rõ lý do.' });
  }
  if (input.action === 'complete_review' && !input.recommendation) {
    errors.push({
      field: 'recommendation',
      code: 'required',
      message: 'Cần chọn đề xuất: approve (hưởng) hoặc deny (không hưởng).',
    });
  }
  if (errors.length) throw DomainError.validation(errors);
}
