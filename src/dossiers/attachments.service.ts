import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { CLOCK, Clock } from '../platform/clock/clock';
import { DomainError, ErrorCode } from '../platform/errors/domain-error';
import { OBJECT_STORE, ObjectStore } from '../platform/storage/object-store.port';
import { Actor } from './domain/actor';
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
  ) {}

  /** Stores the bytes first (content-addressed key), then the row: a crash leaves at most an unreferenced object. */
  async upload(actor: Actor, dossier: DossierRecord, upload: Upload) {
    if (!UPLOAD_STATUSES.includes(dossier.status)) {
      throw new DomainError(ErrorCode.InvalidTransition, 'Hồ sơ ở trạng thái này không nhận thêm giấy tờ.');
    }
    if (!ATTACHMENT_KINDS.includes(upload.kind as never)) {
      throw DomainError.validation([
        {
          field: 'kind',
          code: 'invalid_value',
          message: `Loại giấy tờ phải là một trong: ${ATTACHMENT_KINDS.join(', ')}.`,
        },
      ]);
    }
    if (upload.bytes.length === 0)
      throw DomainError.validation([{ field: 'file', code: 'empty', message: 'Tệp tải lên đang trống.' }]);
    if (upload.bytes.length > MAX_ATTACHMENT_BYTES) {
      throw DomainError.validation([{ field: 'file', code: 'too_large', message: 'Tệp vượt quá 10 MB.' }]);
    }
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
    const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
    const objectKey = `dossiers/${dossier.id}/attachments/${sha256}`;
    await this.store.put(objectKey, upload.bytes, contentType, { 'x-amz-meta-sha256': sha256 });
    const record = {
      id: randomUUID(),
      dossierId: dossier.id,
      kind: upload.kind,
      fileName: safeFileName(upload.fileName),
      contentType,
      size: upload.bytes.length,
      sha256,
      objectKey,
      uploadedAt: this.clock.now().toISOString(),
      uploadedBy: `${actor.type}:${actor.id}`,
    };
    await this.dataSource.transaction(async (em) => {
      await this.dossiers.insertAttachment(em, record);
      await this.audit.append(em, {
        actorType: actor.type,
        actorId: actor.id,
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
    const attachment = (await this.dossiers.attachments(dossier.id)).find((a) => a.id === attachmentId);
    if (!attachment) throw DomainError.notFound('Không tìm thấy tệp đính kèm.');
    return {
      stream: await this.store.stream(attachment.objectKey),
      contentType: attachment.contentType,
      fileName: attachment.fileName,
      size: attachment.size,
    };
  }
}

function safeFileName(name: string): string {
  const cleaned = [...name.normalize('NFC')]
    .map((ch) => (ch.charCodeAt(0) < 32 || '\\/"<>|:*?'.includes(ch) ? '_' : ch))
    .join('')
    .slice(-150)
    .trim();
  return cleaned || 'tep-dinh-kem';
}
