import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { PNG } from 'pngjs';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { isIsoDate } from '../calendar/iso-date';
import { CenterDirectory } from '../dossiers/center-directory';
import type { Principal } from '../identity';
import { CLOCK, Clock } from '../platform/clock/clock';
import { DomainError, FieldError } from '../platform/errors/domain-error';
import { isUuid } from '../platform/ids/uuid';
import { OBJECT_STORE, ObjectStore } from '../platform/storage/object-store.port';
import { conflictingPeriods, DEPARTMENT_SCOPE, SignerPeriod, signerLines } from './domain/signers';
import { SignatureImageDto, SignerDto } from './dto/organisation.dto';
import { SignerFields, SignerRepository } from './signer.repository';

const MAX_IMAGE_BYTES = 256 * 1024;
const MAX_IMAGE_PX = 2000;

/** A period as the API shows it, with the lines it prints. */
export type SignerView = SignerPeriod & { onBehalfOf: string; title: string };

function view(p: SignerPeriod): SignerView {
  const lines = signerLines(p);
  return { ...p, onBehalfOf: lines.onBehalfOf, title: lines.title };
}

/** Dated signers of the department and of each center (docs/centers-and-signers.md); every change audited. */
@Injectable()
export class SignersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly signers: SignerRepository,
    private readonly centers: CenterDirectory,
    private readonly audit: AuditLogRepository,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(scope?: string) {
    const items = await this.signers.list(scope || undefined);
    const today = this.clock.today();
    return {
      today,
      items: items.map((p) => ({ ...view(p), inForce: p.validFrom <= today && (p.validTo ?? '9999') >= today })),
    };
  }

  async create(admin: Principal, body: SignerDto): Promise<SignerView> {
    const fields = this.fields(body);
    const id = randomUUID();
    await this.dataSource.transaction(async (em) => {
      await this.check(em, fields);
      await this.signers.insert(em, id, fields, admin.subject);
      await this.audit.append(em, {
        actorType: 'staff',
        actorId: admin.subject,
        action: 'signer.add',
        entityType: 'signer_authority',
        entityId: id,
        data: { ...fields },
      });
    });
    return view((await this.signers.find(id))!);
  }

  async update(admin: Principal, id: string, body: SignerDto): Promise<SignerView> {
    const fields = this.fields(body);
    await this.dataSource.transaction(async (em) => {
      const before = await this.existing(em, id);
      const today = this.clock.today();
      // A period that has begun has signed documents: only its end and certificate reference may change.
      if (before.validFrom <= today) {
        const fixed = ['scope', 'capacity', 'fullName', 'validFrom'] as const;
        const changed = fixed.filter((k) => before[k] !== fields[k]);
        if (changed.length) {
          throw DomainError.unprocessable(
            'Thời gian ký này đã bắt đầu: chỉ được sửa ngày kết thúc và số hiệu chứng thư số. Hãy kết thúc thời gian này và thêm người ký mới.',
            changed.map((field) => ({ field, code: 'period_started', message: 'Không sửa được sau khi đã bắt đầu.' })),
          );
        }
        if (fields.validTo !== null && fields.validTo < today && fields.validTo !== before.validTo) {
          throw DomainError.unprocessable('Ngày kết thúc không được trước hôm nay.', [
            { field: 'validTo', code: 'in_the_past', message: 'Ngày kết thúc không được trước hôm nay.' },
          ]);
        }
      }
      await this.check(em, { ...fields, id });
      await this.signers.update(em, id, fields);
      await this.audit.append(em, {
        actorType: 'staff',
        actorId: admin.subject,
        action: 'signer.update',
        entityType: 'signer_authority',
        entityId: id,
        data: { before: { ...before }, after: { ...fields } },
      });
    });
    return view((await this.signers.find(id))!);
  }

  /** Stores the signer's signature image (transparent PNG) in the object store and records its key. */
  async setSignatureImage(admin: Principal, id: string, body: SignatureImageDto): Promise<SignerView> {
    const png = Buffer.from(body.png, 'base64');
    const invalid = (message: string) =>
      DomainError.validation([{ field: 'png', code: 'invalid_image', message }], message);
    if (png.length > MAX_IMAGE_BYTES) throw invalid('Ảnh chữ ký tối đa 256 KB.');
    let size: { width: number; height: number };
    try {
      size = PNG.sync.read(png);
    } catch {
      throw invalid('Ảnh chữ ký phải là tệp PNG hợp lệ (nền trong suốt).');
    }
    if (size.width > MAX_IMAGE_PX || size.height > MAX_IMAGE_PX) {
      throw invalid(`Ảnh chữ ký tối đa ${MAX_IMAGE_PX} × ${MAX_IMAGE_PX} điểm ảnh.`);
    }
    const sha256 = createHash('sha256').update(png).digest('hex');
    const key = `signers/${id}/signature-${sha256.slice(0, 16)}.png`;
    if (!isUuid(id) || !(await this.signers.find(id))) throw DomainError.notFound('Không tìm thấy người ký.');
    // The object first (content-addressed key): a rollback leaves an unreferenced object, never a dangling key.
    await this.store.put(key, png, 'image/png', { sha256, signer: id });
    await this.dataSource.transaction(async (em) => {
      await this.existing(em, id);
      await this.signers.setSignatureImage(em, id, key);
      await this.audit.append(em, {
        actorType: 'staff',
        actorId: admin.subject,
        action: 'signer.signature_image',
        entityType: 'signer_authority',
        entityId: id,
        data: { objectKey: key, sha256, width: size.width, height: size.height },
      });
    });
    return view((await this.signers.find(id))!);
  }

  private async existing(em: EntityManager, id: string): Promise<SignerPeriod> {
    const found = isUuid(id) ? await this.signers.find(id, em, true) : undefined;
    if (!found) throw DomainError.notFound('Không tìm thấy người ký.');
    return found;
  }

  private fields(body: SignerDto): SignerFields {
    const errors: FieldError[] = [];
    if (!isIsoDate(body.validFrom)) {
      errors.push({ field: 'validFrom', code: 'invalid_date', message: 'Ngày bắt đầu không phải ngày có thật.' });
    }
    const validTo = body.validTo ?? null;
    if (validTo !== null && !isIsoDate(validTo)) {
      errors.push({ field: 'validTo', code: 'invalid_date', message: 'Ngày kết thúc không phải ngày có thật.' });
    } else if (validTo !== null && validTo < body.validFrom) {
      errors.push({ field: 'validTo', code: 'before_start', message: 'Ngày kết thúc phải từ ngày bắt đầu trở đi.' });
    }
    if (errors.length) throw DomainError.validation(errors);
    return {
      scope: body.scope,
      capacity: body.capacity,
      fullName: body.fullName.trim().normalize('NFC'),
      staffUsername: body.staffUsername ?? null,
      validFrom: body.validFrom,
      validTo,
      certificateRef: body.certificateRef?.trim().normalize('NFC') || null,
    };
  }

  /** The scope exists; the period overlaps no other period of its scope (422 naming the field that reaches in). */
  private async check(em: EntityManager, candidate: SignerFields & { id?: string }): Promise<void> {
    if (candidate.scope !== DEPARTMENT_SCOPE && !(await this.centers.find(candidate.scope, em))) {
      throw DomainError.unprocessable('Không có trung tâm với mã này.', [
        { field: 'scope', code: 'unknown_center', message: 'Không có trung tâm với mã này.' },
      ]);
    }
    await this.signers.lockScope(em, candidate.scope);
    const [conflict] = conflictingPeriods(await this.signers.list(candidate.scope, em), candidate);
    if (!conflict) return;
    const startsInside = conflict.validFrom <= candidate.validFrom;
    const field = startsInside ? 'validFrom' : 'validTo';
    const until = conflict.validTo ? `đến ngày ${conflict.validTo}` : 'không thời hạn';
    const message = `Trùng thời gian ký với ${conflict.fullName} (từ ngày ${conflict.validFrom} ${until}).`;
    throw DomainError.unprocessable(message, [{ field, code: 'signer_period_overlap', message }]);
  }
}
