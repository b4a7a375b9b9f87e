import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { IssuedDocumentKind } from '../../dossiers/domain/dossier-workflow';
import type { DecisionSummary, DocumentSummary } from '../../dossiers/dossier-views';
import { DataSource } from 'typeorm';
import { JobRunner } from '../../platform/jobs/job-runner';
import type { DossierDocuments, DossierDocumentsView } from '../../dossiers/ports/dossier-documents.port';
import { AuditLogRepository } from '../../audit/audit-log.repository';
import { DomainError } from '../../platform/errors/domain-error';
import { Runtime } from '../../platform/embedded/runtime';
import { RUNTIME } from '../../platform/platform.module';
import { isPerEventKind, parseStoredKind, perEventKind, supplementRequestKind } from '../domain/issued-kind';
import { JobStore, JobView } from '../../platform/jobs/job.store';
import { ISSUANCE_QUEUE, IssuanceJob } from '../issuance/issuance-settings';
import { IssuedDocumentRecord, IssuedDocumentRepository } from '../persistence/issued-document.repository';
import { DOCUMENT_TITLES } from '../rendering/document.renderer';

/** The public shape of a decision (docs/api.md: GET /api/v1/dossiers/{id}/decision). */
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
    private readonly runner: JobRunner,
    private readonly dataSource: DataSource,
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
    const stored = isPerEventKind(request.kind)
      ? perEventKind(request.kind, request.eventSeq)
      : request.kind === 'supplement-request' &&
          (await this.jobs.find(ISSUANCE_QUEUE, dedupeKey(supplementRequestKind(null)), em))
        ? supplementRequestKind(request.eventSeq)
        : request.kind;
    const job: IssuanceJob = { dossierId: request.dossierId, kind: stored, eventSeq: request.eventSeq };
    // Keyed by dossier (the queue is not ordered): the dossier's open issuance jobs are found by key.
    await this.jobs.enqueue(em, ISSUANCE_QUEUE, job, { key: request.dossierId, dedupeKey: dedupeKey(stored) });
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

  async forDossier(dossierId: string, em?: EntityManager): Promise<DossierDocumentsView> {
    const records = await this.documents.listForDossier(dossierId, em);
    const open = await this.jobs.openForKey(ISSUANCE_QUEUE, dossierId, em);
    return this.documentsView(records, open);
  }

  /** forDossier of several dossiers in two statements whatever their number (a citizen's list). */
  async forDossiers(dossierIds: readonly string[]): Promise<Map<string, DossierDocumentsView>> {
    const [records, open] = await Promise.all([
      this.documents.listForDossiers(dossierIds),
      this.jobs.openForKeys(ISSUANCE_QUEUE, dossierIds),
    ]);
    return new Map(
      dossierIds.map((id) => [
        id,
        this.documentsView(
          records.filter((r) => r.dossierId === id),
          open.filter((j) => j.key === id),
        ),
      ]),
    );
  }

  private documentsView(records: IssuedDocumentRecord[], open: JobView[]): DossierDocumentsView {
    const decision =
      records.find((r) => r.kind === 'decision-approval') ?? records.find((r) => r.kind === 'decision-refusal');
    return {
      documents: records.map((r) => this.summary(r)),
      decision: decision ? this.decision(decision) : null,
      issuance: open.map((j) => ({
        kind: (j.payload as unknown as IssuanceJob).kind,
        status: j.status === 'dead' ? 'dead' : 'pending',
        attempts: j.attempts,
        lastError: j.lastError,
      })),
    };
  }

  /**
   * Staff retry a document whose issuance died (all attempts failed): the job is due again with a fresh budget,
   * audited. 404 when there is no such dead job.
   */
  async retryIssuance(dossierId: string, kind: string, by: { actorId: string; requestId?: string }): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const job = await this.jobs.find(ISSUANCE_QUEUE, `${dossierId}:${kind}`, em);
      if (!job || job.status !== 'dead')
        throw DomainError.notFound('Không có văn bản nào của hồ sơ này đang chờ phát hành lại.');
      await this.jobs.replay(em, job.id);
      await this.audit.append(em, {
        occurredAt: new Date().toISOString(),
        actorType: 'staff',
        actorId: by.actorId,
        action: 'document.issuance.retry',
        entityType: 'dossier',
        entityId: dossierId,
        data: { kind, attempts: job.attempts, lastError: job.lastError, requestId: by.requestId ?? null },
      });
    });
    this.runner.wake(ISSUANCE_QUEUE);
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
  if (!parsed.eventSeq || isPerEventKind(parsed.kind)) return title;
  return `${title} (yêu cầu bổ sung tại bước ${parsed.eventSeq})`;
}
