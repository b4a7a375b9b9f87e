import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLogRepository } from '../../audit/audit-log.repository';
import { ContractType, CONTRACT_TYPES } from '../../eligibility/domain/assessment';
import { regimeFor } from '../../eligibility/domain/regime';
import { requiredDocuments, terminationProofOptions } from '../../eligibility/domain/required-documents';
import { CLOCK, Clock } from '../../platform/clock/clock';
import { DomainError } from '../../platform/errors/domain-error';
import { Runtime } from '../../platform/embedded/runtime';
import { isUuid } from '../../platform/ids/uuid';
import { RUNTIME } from '../../platform/platform.module';
import { OBJECT_STORE, ObjectStore } from '../../platform/storage/object-store.port';
import {
  ATTACHMENT_KINDS,
  attachmentFileName,
  checkAttachmentQuota,
  checkedUpload,
  Upload,
} from '../attachments.service';
import { actorTypeOf, type Caller, type CitizenCaller } from '../../identity/caller';
import { DossierRepository } from '../dossier.repository';
import { DraftDto } from './draft.dto';
import { DraftAttachmentRecord, DraftRepository } from './draft.repository';

/** Kinds a citizen attaches before filing (`supplement` answers a supplementation request, after filing). */
const DRAFT_KINDS = ATTACHMENT_KINDS.filter((k) => k !== 'supplement');

/**
 * The citizen's application while it is being written: answers saved as they go (restored after a new login),
 * files attached before filing and removable, and the documents the law asks for this contract type. Filing moves
 * the files onto the dossier and deletes the draft in the filing transaction (`moveToDossier`).
 */
@Injectable()
export class DraftService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly drafts: DraftRepository,
    private readonly dossiers: DossierRepository,
    private readonly audit: AuditLogRepository,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  async get(actor: CitizenCaller) {
    const [draft, files] = await Promise.all([
      this.drafts.find(actor.personalId),
      this.drafts.attachments(actor.personalId),
    ]);
    return this.view(draft?.data ?? {}, draft?.updatedAt ?? null, files);
  }

  async save(actor: CitizenCaller, body: DraftDto) {
    const data = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
    await this.drafts.save(actor.personalId, data, this.clock.now().toISOString());
    return this.get(actor);
  }

  async discard(actor: CitizenCaller): Promise<void> {
    await this.drafts.delete(actor.personalId);
  }

  /** Same checks as an upload to a dossier (kind, size, sniffed type, per-dossier quota), stored under the draft. */
  async attach(actor: CitizenCaller, upload: Upload) {
    const contentType = checkedUpload(upload, DRAFT_KINDS);
    const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
    const id = randomUUID();
    // Keyed by a random draft file id, not the personal ID (object keys show up in storage logs).
    const objectKey = `drafts/${id}/${sha256}`;
    await this.store.put(objectKey, upload.bytes, contentType, { 'x-amz-meta-sha256': sha256 });
    const now = this.clock.now().toISOString();
    const record: DraftAttachmentRecord = {
      id,
      personalId: actor.personalId,
      kind: upload.kind,
      contentType,
      size: upload.bytes.length,
      sha256,
      objectKey,
      uploadedAt: now,
    };
    await this.dataSource.transaction(async (em) => {
      await this.drafts.ensure(em, actor.personalId, now);
      await this.drafts.lock(em, actor.personalId);
      checkAttachmentQuota(
        await this.drafts.attachments(actor.personalId, em),
        record.size,
        this.runtime.config.attachmentQuota,
      );
      await this.drafts.insertAttachment(em, record);
    });
    const files = await this.drafts.attachments(actor.personalId);
    return attachmentView(record, files.findIndex((f) => f.id === id) + 1);
  }

  async detach(actor: CitizenCaller, attachmentId: string): Promise<void> {
    if (!isUuid(attachmentId) || !(await this.drafts.deleteAttachment(actor.personalId, attachmentId)))
      throw DomainError.notFound('Không tìm thấy tệp này trong hồ sơ đang khai của bạn.');
  }

  /**
   * In the filing transaction: the draft's files become the dossier's attachments (same stored objects), the
   * required documents must be among them, and the draft is deleted. Returns how many files moved.
   */
  async moveToDossier(
    em: EntityManager,
    actor: Caller,
    dossierId: string,
    contractType: ContractType,
  ): Promise<number> {
    await this.drafts.lock(em, actor.subject);
    const files = await this.drafts.attachments(actor.subject, em);
    this.checkRequired(files, contractType);
    for (const [i, f] of files.entries()) {
      await this.dossiers.insertAttachment(em, {
        id: f.id,
        dossierId,
        kind: f.kind,
        fileName: attachmentFileName(f.kind, i + 1, f.contentType),
        contentType: f.contentType,
        size: f.size,
        sha256: f.sha256,
        objectKey: f.objectKey,
        uploadedAt: f.uploadedAt,
        uploadedBy: `${actorTypeOf(actor)}:${actor.subject}`,
      });
      await this.audit.append(em, {
        actorType: actorTypeOf(actor),
        actorId: actor.subject,
        action: 'dossier.attachment_uploaded',
        entityType: 'dossier',
        entityId: dossierId,
        data: { attachmentId: f.id, kind: f.kind, sha256: f.sha256, size: f.size, beforeFiling: true },
      });
    }
    await this.drafts.delete(actor.subject, em);
    return files.length;
  }

  /** Before the registry reads of a filing: the draft holds the required documents (checked again in moveToDossier). */
  async assertReady(actor: Caller, contractType: ContractType): Promise<void> {
    this.checkRequired(await this.drafts.attachments(actor.subject), contractType);
  }

  private checkRequired(files: readonly DraftAttachmentRecord[], contractType: ContractType): void {
    const missing = this.required(contractType).filter((kind) => !files.some((f) => f.kind === kind));
    if (!missing.length) return;
    throw DomainError.validation(
      missing.map((kind) => ({
        field: 'attachments',
        code: 'required_document_missing',
        message:
          kind === 'termination_proof'
            ? 'Cần tải lên giấy tờ chứng minh chấm dứt hợp đồng lao động trước khi nộp.'
            : 'Cần tải lên sổ bảo hiểm xã hội trước khi nộp.',
      })),
      'Hồ sơ còn thiếu giấy tờ bắt buộc.',
    );
  }

  /** The kinds the law asks for at filing, by the regime of a decision taken about now. */
  required(contractType: ContractType): string[] {
    return requiredDocuments(contractType, regimeFor(this.clock.today()));
  }

  private view(data: Record<string, unknown>, updatedAt: string | null, files: DraftAttachmentRecord[]) {
    const contractType = CONTRACT_TYPES.includes(data.contractType as ContractType)
      ? (data.contractType as ContractType)
      : null;
    return {
      data,
      updatedAt,
      attachments: files.map((f, i) => attachmentView(f, i + 1)),
      /** Known once the contract type is: the kinds to attach, and which papers prove the termination. */
      requiredDocuments: contractType ? this.required(contractType) : [],
      terminationProofOptions: contractType ? terminationProofOptions(contractType) : [],
    };
  }
}

function attachmentView(f: DraftAttachmentRecord, position: number) {
  return {
    id: f.id,
    kind: f.kind,
    fileName: attachmentFileName(f.kind, position, f.contentType),
    contentType: f.contentType,
    size: Number(f.size),
    uploadedAt: f.uploadedAt,
  };
}
