import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { IssuedDocumentKind } from '../../dossiers/domain/dossier-workflow';
import type { DecisionSummary, DocumentSummary } from '../../dossiers/dossier-views';
import type { DossierDocuments } from '../../dossiers/ports/dossier-documents.port';
import { AuditLogRepository } from '../../audit/audit-log.repository';
import { DomainError } from '../../platform/errors/domain-error';
import { Runtime } from '../../platform/embedded/runtime';
import { RUNTIME } from '../../platform/platform.module';
import { parseStoredKind, supplementRequestKind } from '../domain/issued-kind';
import { JobStore } from '../../platform/jobs/job.store';
import { ISSUANCE_QUEUE, IssuanceJob } from '../issuance/issuance-settings';
import { IssuedDocumentRecord, IssuedDocumentRepository } from '../persistence/issued-document.repository';
import { DOCUMENT_TITLES } from '../rendering/document.renderer';

/** The public shape of a decision (API.md: GET /api/v1/dossiers/{id}/decision). */
export type DecisionView = DecisionSummary;

/**
 * The documents side of the dossiers' DOSSIER_DOCUMENTS port: which signed documents a dossier has (for its views),
 * queueing the document a workflow step issues, and revoking a decision, the last two inside the step's
 * transaction (so a committed step always has its job, and a rolled-back one never does).
 */
@Injectable()
export class DossierDocumentsService implements DossierDocuments {
  constructor(
    private readonly documents: IssuedDocumentRepository,
    private readonly jobs: JobStore,
    private readonly audit: AuditLogRepository,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  /**
   * The first supplementation request of a dossier is stored as `supplement-request`; each later one as
   * `supplement-request-<seq>`, seq being its history event.
   */
  async requestIssue(
    em: EntityManager,
    request: { dossierId: string; kind: IssuedDocumentKind; eventSeq: number },
  ): Promise<void> {
    const dedupeKey = (kind: string) => `${request.dossierId}:${kind}`;
    const stored =
      request.kind === 'supplement-request' &&
      (await this.jobs.find(ISSUANCE_QUEUE, dedupeKey(supplementRequestKind(null)), em))
        ? supplementRequestKind(request.eventSeq)
        : request.kind;
    const job: IssuanceJob = { dossierId: request.dossierId, kind: stored, eventSeq: request.eventSeq };
    await this.jobs.enqueue(em, ISSUANCE_QUEUE, job, { dedupeKey: dedupeKey(stored) });
  }

  /** Marks the decision revoked (the PDF and its record stay), with its own audit row naming the document. */
  async revokeDecision(
    em: EntityManager,
    dossierId: string,
    revocation: { at: Date; reason: string; by: string },
  ): Promise<void> {
    const decision = await this.documents.findDecision(dossierId, { em, forUpdate: true });
    if (!decision) throw DomainError.notFound('Hồ sơ chưa có quyết định.');
    if (decision.status === 'revoked')
      throw DomainError.conflict(`Quyết định số ${decision.number} đã được thu hồi trước đó.`, {
        revokedAt: decision.revokedAt,
      });
    await this.documents.revoke(em, decision.id, revocation);
    await this.audit.append(em, {
      occurredAt: revocation.at.toISOString(),
      actorType: 'staff',
      actorId: revocation.by,
      action: 'document.revoke',
      entityType: 'dossier',
      entityId: dossierId,
      data: { documentId: decision.id, kind: decision.kind, number: decision.number, reason: revocation.reason },
    });
  }

  async forDossier(
    dossierId: string,
    em?: EntityManager,
  ): Promise<{ documents: DocumentSummary[]; decision: DecisionSummary | null }> {
    const records = await this.documents.listForDossier(dossierId, em);
    const decision =
      records.find((r) => r.kind === 'decision-approval') ?? records.find((r) => r.kind === 'decision-refusal');
    return { documents: records.map((r) => this.summary(r)), decision: decision ? this.decision(decision) : null };
  }

  verifyUrl(code: string): string {
    return `${this.runtime.config.publicBaseUrl}/verify/${code}`;
  }

  decision(r: IssuedDocumentRecord): DecisionView {
    return {
      number: r.number ?? '',
      issuedAt: r.issuedAt,
      kind: r.kind === 'decision-approval' ? 'approval' : 'refusal',
      sha256: r.sha256,
      verificationCode: r.verificationCode,
      verifyUrl: this.verifyUrl(r.verificationCode),
      status: r.status,
      revokedAt: r.revokedAt,
      revocationReason: r.revocationReason,
    };
  }

  summary(r: IssuedDocumentRecord): DocumentSummary {
    return {
      kind: r.kind,
      title: documentTitle(r.kind),
      number: r.number,
      issuedAt: r.issuedAt,
      sha256: r.sha256,
      verificationCode: r.verificationCode,
      verifyUrl: this.verifyUrl(r.verificationCode),
      downloadUrl: `/api/v1/dossiers/${r.dossierId}/documents/${r.kind}/pdf`,
    };
  }
}

/** Title of a stored kind; a later supplementation request says which event it answers. */
export function documentTitle(stored: string): string {
  const parsed = parseStoredKind(stored);
  if (!parsed) return stored;
  const title = DOCUMENT_TITLES[parsed.kind];
  return parsed.eventSeq ? `${title} (yêu cầu bổ sung tại bước ${parsed.eventSeq})` : title;
}
