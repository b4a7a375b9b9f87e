import { EntityManager } from 'typeorm';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { PortalOutboxRepository } from '../portal/portal-outbox.repository';
import { actorTypeOf, type Caller } from '../identity/caller';
import { DossierStatus, PORTAL_STATUS_CODES } from './domain/dossier-status';
import { DossierEventRecord, DossierRecord, DossierRepository } from './dossier.repository';

export interface RecordedStep {
  action: string;
  from: DossierStatus | null;
  to: DossierStatus;
  note?: string | null;
  data?: Record<string, unknown>;
  occurredAt: string;
  dueDate: string | null;
  /** Who may read the note; an internal note never leaves the service. Default: `citizen`. */
  noteVisibility?: 'internal' | 'citizen';
  /** The portal event is held until this document of the dossier is issued (decisions). */
  portalHeldFor?: string;
  /** Benefit-period steps (notices, suspension, resumption, termination): what the portal event reports of it. */
  benefit?: Record<string, unknown>;
}

/**
 * The rows every status change writes in its own transaction: the history event, the outgoing portal event,
 * the step's own effects (`effects`, given the history event's number and the event as stored) and the audit row. The audit row is
 * appended last because it holds the chain lock until commit.
 */
export async function recordStep(
  em: EntityManager,
  repos: { dossiers: DossierRepository; outbox: PortalOutboxRepository; audit: AuditLogRepository },
  procedureCode: string,
  dossier: Pick<DossierRecord, 'id' | 'code' | 'personalId' | 'portalDossierCode'>,
  actor: Caller,
  step: RecordedStep,
  effects: (eventSeq: number, event: DossierEventRecord) => Promise<void> = async () => undefined,
): Promise<void> {
  const event = await repos.dossiers.appendEventRecord(em, dossier.id, {
    occurredAt: step.occurredAt,
    action: step.action,
    fromStatus: step.from,
    toStatus: step.to,
    actorType: actorTypeOf(actor),
    actorId: actor.subject,
    actorName: actor.fullName ?? null,
    note: step.note ?? null,
    data: {
      ...(step.data ?? {}),
      ...(step.note && step.noteVisibility === 'internal' ? { noteVisibility: 'internal' } : {}),
      ...(actor.kind === 'staff' ? { actorRole: actor.role } : {}),
    },
  });
  await repos.outbox.enqueue(
    em,
    dossier.id,
    {
      dossierCode: dossier.code,
      ...(dossier.portalDossierCode ? { portalDossierCode: dossier.portalDossierCode } : {}),
      personalId: dossier.personalId,
      procedureCode,
      status: step.to,
      portalStatusCode: PORTAL_STATUS_CODES[step.to],
      occurredAt: step.occurredAt,
      ...(step.dueDate ? { dueDate: step.dueDate } : {}),
      // Staff are named by their role, not personally; an internal note stays inside the service.
      actor: { type: actorTypeOf(actor), ...(actor.kind === 'staff' ? { role: actor.role } : {}) },
      ...(step.note && step.noteVisibility !== 'internal' ? { note: step.note } : {}),
      ...(step.benefit ? { benefit: step.benefit } : {}),
    },
    { heldFor: step.portalHeldFor },
  );
  // Everything else the transaction does goes before the audit row: the chain lock is held from here to COMMIT.
  await effects(event.seq, event);
  await repos.audit.append(em, {
    occurredAt: step.occurredAt,
    actorType: actorTypeOf(actor),
    actorId: actor.subject,
    action: `dossier.${step.action}`,
    entityType: 'dossier',
    entityId: dossier.id,
    data: {
      code: dossier.code,
      from: step.from,
      to: step.to,
      requestId: actor.requestId ?? null,
      ...(step.note ? { note: step.note } : {}),
    },
  });
}
