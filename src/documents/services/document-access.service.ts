import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditLogRepository } from '../../audit/audit-log.repository';
import { assertDossierAccess } from '../../dossiers/domain/dossier-access';
import type { CitizenCaller, StaffCaller } from '../../identity/caller';
import { CLOCK, Clock } from '../../platform/clock/clock';
import { DomainError } from '../../platform/errors/domain-error';
import { OBJECT_STORE, ObjectStore } from '../../platform/storage/object-store.port';
import { isUuid } from '../../platform/ids/uuid';
import { maskHolderName } from '../domain/holder-name';
import { parseStoredKind, VERIFICATION_CODE_PATTERN } from '../domain/issued-kind';
import { DossierSource } from '../persistence/dossier-source';
import { IssuedDocumentRecord, IssuedDocumentRepository } from '../persistence/issued-document.repository';
import { DecisionView, documentTitle, DossierDocumentsService } from './dossier-documents.service';

export interface DocumentFile {
  readonly bytes: Buffer;
  readonly fileName: string;
}

/** Answer of the public verification endpoint (docs/api.md "Public"). */
export interface DecisionVerification {
  valid: boolean;
  decisionNumber: string | null;
  issuedAt: string;
  issuer: string;
  holderName: string;
  sha256: string;
  status: 'issued' | 'revoked';
  /** Extensions: when it was revoked (null while valid), and which document the code belongs to. */
  revokedAt: string | null;
  documentKind: string;
  title: string;
}

/**
 * Who may read which signed document: the citizen their own (someone else's dossier is "not found"), staff of
 * the dossier's center (another center: forbidden), province-level staff every one, anybody the public
 * verification facts. Every download is audited.
 */
@Injectable()
export class DocumentAccessService {
  private readonly logger = new Logger('documents');

  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: IssuedDocumentRepository,
    private readonly sources: DossierSource,
    private readonly views: DossierDocumentsService,
    private readonly audit: AuditLogRepository,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async citizenDecision(citizen: CitizenCaller, dossierId: string): Promise<DecisionView> {
    await this.ownDossier(citizen, dossierId);
    return this.views.decision(await this.decisionRecord(dossierId));
  }

  async citizenDecisionPdf(citizen: CitizenCaller, dossierId: string, requestId?: string): Promise<DocumentFile> {
    await this.ownDossier(citizen, dossierId);
    const record = await this.decisionRecord(dossierId);
    return this.download(record, { type: 'citizen', id: citizen.personalId }, requestId);
  }

  async citizenDocumentPdf(
    citizen: CitizenCaller,
    dossierId: string,
    kind: string,
    requestId?: string,
  ): Promise<DocumentFile> {
    await this.ownDossier(citizen, dossierId);
    return this.download(await this.record(dossierId, kind), { type: 'citizen', id: citizen.personalId }, requestId);
  }

  async staffDocumentPdf(
    staff: StaffCaller,
    dossierId: string,
    kind: string,
    requestId?: string,
  ): Promise<DocumentFile> {
    await this.assertStaffScope(staff, dossierId);
    return this.download(await this.record(dossierId, kind), { type: 'staff', id: staff.username }, requestId);
  }

  /** Staff may act on the documents of a dossier they may see (`dossierAccess`: their center's); 404 / 403 otherwise. */
  async assertStaffScope(staff: StaffCaller, dossierId: string): Promise<void> {
    assertDossierAccess(staff, isUuid(dossierId) ? await this.sources.owner(dossierId) : undefined, 'read');
  }

  async verify(code: string): Promise<DecisionVerification> {
    const record = VERIFICATION_CODE_PATTERN.test(code) ? await this.documents.findByVerificationCode(code) : undefined;
    if (!record) throw DomainError.notFound('Không có văn bản nào mang mã kiểm tra này.');
    return {
      valid: record.status === 'issued',
      decisionNumber: record.number,
      issuedAt: record.issuedAt,
      issuer: record.issuerName,
      holderName: maskHolderName(record.holderName),
      sha256: record.sha256,
      status: record.status,
      revokedAt: record.revokedAt,
      documentKind: record.kind,
      title: documentTitle(record.kind),
    };
  }

  /**
   * The signed decision's stored bytes for a system hand-over (a benefit transfer to another province): checked
   * against its recorded hash like a download, audited as read by the system.
   */
  async decisionForTransfer(dossierId: string, actorId: string): Promise<DocumentFile & { sha256: string }> {
    const record = await this.decisionRecord(dossierId);
    return { ...(await this.download(record, { type: 'system', id: actorId })), sha256: record.sha256 };
  }

  private async ownDossier(citizen: CitizenCaller, dossierId: string): Promise<void> {
    assertDossierAccess(citizen, isUuid(dossierId) ? await this.sources.owner(dossierId) : undefined, 'read');
  }

  private async decisionRecord(dossierId: string): Promise<IssuedDocumentRecord> {
    const found = await this.documents.findDecision(dossierId);
    if (!found) throw DomainError.notFound('Hồ sơ chưa có quyết định.');
    return found;
  }

  private async record(dossierId: string, kind: string): Promise<IssuedDocumentRecord> {
    const found = parseStoredKind(kind) ? await this.documents.findByDossierAndKind(dossierId, kind) : undefined;
    if (!found) throw DomainError.notFound('Hồ sơ chưa có văn bản này.');
    return found;
  }

  private async download(
    record: IssuedDocumentRecord,
    actor: { type: 'citizen' | 'staff' | 'system'; id: string },
    requestId?: string,
  ): Promise<DocumentFile> {
    const bytes = await this.store.get(record.objectKey);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (sha256 !== record.sha256) {
      // Never hand out bytes that are not the recorded document.
      this.logger.error(
        `stored PDF ${record.objectKey} does not match its record (sha256 ${sha256} ≠ ${record.sha256})`,
      );
      throw DomainError.upstream('Tệp văn bản đang được kiểm tra lại. Vui lòng thử lại sau.');
    }
    await this.dataSource.transaction((em) =>
      this.audit.append(em, {
        occurredAt: this.clock.now().toISOString(),
        actorType: actor.type,
        actorId: actor.id,
        action: 'document.download',
        entityType: 'dossier',
        entityId: record.dossierId,
        data: {
          documentId: record.id,
          kind: record.kind,
          number: record.number,
          sha256: record.sha256,
          requestId: requestId ?? null,
        },
      }),
    );
    return { bytes, fileName: `${record.kind}-${asciiFileName(record.number ?? record.id)}.pdf` };
  }
}

/** "12/QĐ-SNV" → "12-QD-SNV": safe in a Content-Disposition header on every browser. */
function asciiFileName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9.-]+/g, '-');
}
