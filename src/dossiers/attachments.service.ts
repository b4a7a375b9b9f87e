import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { CLOCK, Clock } from '../platform/clock/clock';
import { DomainError, ErrorCode } from '../platform/errors/domain-error';
import { Runtime } from '../platform/embedded/runtime';
import { RUNTIME } from '../platform/platform.module';
import { OBJECT_STORE, ObjectStore } from '../platform/storage/object-store.port';
import { actorTypeOf, type Caller } from '../identity/caller';
import { DossierRecord, DossierRepository } from './dossier.repository';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_KINDS = [
  'termination_proof',
  'application_form',
  'social_insurance_book',
  'supplement',
  'other',
] as const;
const UPLOAD_STATUSES = ['SUBMITTED', 'SUPPLEMENT_REQUESTED', 'RECEIVED', 'IN_REVIEW'];

/** The file's own bytes decide its type; the name and the declared content type are not trusted. */
export function sniffContentType(bytes: Buffer): 'application/pdf' | 'image/jpeg' | 'image/png' | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return null;
}

const EXTENSIONS: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/**
 * The name an attachment is stored and served under: from its kind, its place among the dossier's attachments and
 * its sniffed type (`giay-to-termination-proof-1.pdf`), never from the uploaded name, whose extension (`.hta`,
 * `.bat`) would survive the download otherwise. ASCII only, so Content-Disposition needs no escaping.
 */
export function attachmentFileName(kind: string, position: number, contentType: string): string {
  const safeKind = kind.replace(/[^a-z0-9]+/gi, '-').toLowerCase() || 'khac';
  return `giay-to-${safeKind}-${position}.${EXTENSIONS[contentType] ?? 'bin'}`;
}

export interface Upload {
  kind: string;
  fileName: string;
  bytes: Buffer;
}

@Injectable()
export class AttachmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dossiers: DossierRepository,
    private readonly audit: AuditLogRepository,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  /** Stores the bytes first (content-addressed key), then the row: a crash leaves at most an unreferenced object. */
  async upload(actor: Caller, dossier: DossierRecord, upload: Upload) {
    if (!UPLOAD_STATUSES.includes(dossier.status)) {
      throw new DomainError(ErrorCode.InvalidTransition, 'Hồ sơ ở trạng thái này không nhận thêm giấy tờ.');
    }
    const contentType = checkedUpload(upload, ATTACHMENT_KINDS);
    checkAttachmentQuota(
      await this.dossiers.attachments(dossier.id),
      upload.bytes.length,
      this.runtime.config.attachmentQuota,
    );
    const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
    const objectKey = `dossiers/${dossier.id}/attachments/${sha256}`;
    await this.store.put(objectKey, upload.bytes, contentType, { 'x-amz-meta-sha256': sha256 });
    const record = {
      id: randomUUID(),
      dossierId: dossier.id,
      kind: upload.kind,
      fileName: '',
      contentType,
      size: upload.bytes.length,
      sha256,
      objectKey,
      uploadedAt: this.clock.now().toISOString(),
      uploadedBy: `${actorTypeOf(actor)}:${actor.subject}`,
    };
    await this.dataSource.transaction(async (em) => {
      // Concurrent uploads to one dossier queue here, so the quota holds however many arrive at once.
      await this.dossiers.lock(em, dossier.id);
      const existing = await this.dossiers.attachments(dossier.id, em);
      checkAttachmentQuota(existing, record.size, this.runtime.config.attachmentQuota);
      record.fileName = attachmentFileName(record.kind, existing.length + 1, contentType);
      await this.dossiers.insertAttachment(em, record);
      await this.audit.append(em, {
        actorType: actorTypeOf(actor),
        actorId: actor.subject,
        action: 'dossier.attachment_uploaded',
        entityType: 'dossier',
        entityId: dossier.id,
        data: { attachmentId: record.id, kind: record.kind, sha256, size: record.size },
      });
    });
    const { objectKey: _key, dossierId: _d, uploadedBy: _u, ...view } = record;
    return view;
  }

  async open(
    dossier: DossierRecord,
    attachmentId: string,
  ): Promise<{ stream: Readable; contentType: string; fileName: string; size: number }> {
    const all = await this.dossiers.attachments(dossier.id);
    const position = all.findIndex((a) => a.id === attachmentId);
    if (position < 0) throw DomainError.notFound('Không tìm thấy tệp đính kèm.');
    const attachment = all[position];
    return {
      stream: await this.store.stream(attachment.objectKey),
      contentType: attachment.contentType,
      // Derived again when served: rows stored before names were derived still carry the uploaded name.
      fileName: attachmentFileName(attachment.kind, position + 1, attachment.contentType),
      size: attachment.size,
    };
  }
}

/**
 * The checks every uploaded file passes, to a dossier or to a draft: a known kind, not empty, at most 10 MB, and a
 * PDF, JPEG or PNG by its own bytes. Returns the sniffed content type.
 */
export function checkedUpload(
  upload: Upload,
  kinds: readonly string[],
): NonNullable<ReturnType<typeof sniffContentType>> {
  if (!kinds.includes(upload.kind)) {
    throw DomainError.validation([
      { field: 'kind', code: 'invalid_value', message: `Loại giấy tờ phải là một trong: ${kinds.join(', ')}.` },
    ]);
  }
  if (upload.bytes.length === 0)
    throw DomainError.validation([{ field: 'file', code: 'empty', message: 'Tệp tải lên đang trống.' }]);
  if (upload.bytes.length > MAX_ATTACHMENT_BYTES)
    throw DomainError.validation([{ field: 'file', code: 'too_large', message: 'Tệp vượt quá 10 MB.' }]);
  const contentType = sniffContentType(upload.bytes);
  if (!contentType) {
    throw DomainError.validation([
      {
        field: 'file',
        code: 'unsupported_type',
        message: 'Chỉ nhận tệp PDF, JPEG hoặc PNG (kiểm tra theo nội dung tệp).',
      },
    ]);
  }
  return contentType;
}

/** Per-dossier quotas (ATTACHMENTS_PER_DOSSIER, ATTACHMENT_MB_PER_DOSSIER): 413 naming the field `file`. */
export function checkAttachmentQuota(
  existing: readonly { size: number | string }[],
  size: number,
  quota: { count: number; bytes: number },
): void {
  const { count, bytes } = quota;
  if (existing.length + 1 > count) {
    throw new DomainError(ErrorCode.PayloadTooLarge, `Mỗi hồ sơ nhận tối đa ${count} tệp đính kèm.`, {
      errors: [{ field: 'file', code: 'too_many_files', message: `Hồ sơ đã có đủ ${count} tệp đính kèm.` }],
    });
  }
  const used = existing.reduce((sum, a) => sum + Number(a.size), 0);
  if (used + size > bytes) {
    const mb = Math.floor(bytes / (1024 * 1024));
    throw new DomainError(ErrorCode.PayloadTooLarge, `Tổng dung lượng tệp đính kèm của một hồ sơ tối đa ${mb} MB.`, {
      errors: [
        { field: 'file', code: 'quota_exceeded', message: `Tệp này làm tổng dung lượng của hồ sơ vượt quá ${mb} MB.` },
      ],
    });
  }
}
