import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { BenefitRepository } from '../benefits/benefit.repository';
import { AdministeredCenter, CenterDirectory, CenterFields } from '../dossiers/center-directory';
import type { Principal } from '../identity';
import { CLOCK, Clock } from '../platform/clock/clock';
import { DomainError } from '../platform/errors/domain-error';
import { CenterDetailsDto, CloseCenterDto, NewCenterDto } from './dto/organisation.dto';

const CODE = /^[A-Z0-9-]{2,20}$/;

/**
 * Administrators keep the province's employment service centers (docs/centers-and-signers.md): add, edit, close.
 * Closing moves the center's unfinished dossiers and running benefits to a successor, in one transaction with the
 * audit rows (one for the closing, one per dossier moved).
 */
@Injectable()
export class CentersAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly centers: CenterDirectory,
    private readonly benefits: BenefitRepository,
    private readonly audit: AuditLogRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list() {
    return { items: await this.centers.list() };
  }

  async create(admin: Principal, body: NewCenterDto): Promise<AdministeredCenter> {
    const fields = this.fields(body);
    await this.dataSource.transaction(async (em) => {
      await this.checkCommunes(em, fields.communes, body.code);
      if (!(await this.centers.insert(em, body.code, fields))) {
        throw DomainError.conflict('Mã trung tâm đã có.', {
          errors: [{ field: 'code', code: 'duplicate', message: 'Mã trung tâm đã có.' }],
        });
      }
      await this.audit.append(em, {
        actorType: 'staff',
        actorId: admin.subject,
        action: 'center.add',
        entityType: 'service_center',
        entityId: body.code,
        data: { ...fields },
      });
    });
    return (await this.centers.find(body.code))!;
  }

  async update(admin: Principal, code: string, body: CenterDetailsDto): Promise<AdministeredCenter> {
    const fields = this.fields(body);
    await this.dataSource.transaction(async (em) => {
      const before = await this.open(em, code);
      await this.checkCommunes(em, fields.communes, code);
      await this.centers.update(em, code, fields);
      await this.audit.append(em, {
        actorType: 'staff',
        actorId: admin.subject,
        action: 'center.update',
        entityType: 'service_center',
        entityId: code,
        data: { before: pick(before), after: { ...fields } },
      });
    });
    return (await this.centers.find(code))!;
  }

  /** Closes `code`: its open dossiers, decided ones awaiting return and running benefits go to the successor. */
  async close(admin: Principal, code: string, body: CloseCenterDto) {
    const reason = body.reason.trim().normalize('NFC');
    const at = this.clock.now();
    const moved = await this.dataSource.transaction(async (em) => {
      // Both rows locked, in code order (two administrators closing into each other cannot deadlock).
      for (const c of [code, body.successorCode].sort()) await this.centers.find(c, em, true);
      await this.open(em, code);
      if (body.successorCode === code) {
        throw DomainError.unprocessable('Trung tâm tiếp nhận phải khác trung tâm đóng cửa.', [
          { field: 'successorCode', code: 'same_center', message: 'Chọn một trung tâm khác.' },
        ]);
      }
      const successor = await this.centers.find(body.successorCode, em);
      if (!successor || !successor.active) {
        throw DomainError.unprocessable('Trung tâm tiếp nhận không có hoặc đã đóng cửa.', [
          { field: 'successorCode', code: 'unknown_center', message: 'Chọn một trung tâm đang hoạt động.' },
        ]);
      }
      const benefitDossiers = await this.benefits.moveCenter(em, code, successor.code);
      const dossiers = await this.centers.moveDossiers(em, code, successor.code, benefitDossiers);
      await this.centers.close(em, code, successor.code, reason, at);
      await this.audit.append(em, {
        actorType: 'staff',
        actorId: admin.subject,
        action: 'center.close',
        entityType: 'service_center',
        entityId: code,
        data: {
          successorCode: successor.code,
          reason,
          dossiers: dossiers.map((d) => d.code),
          benefits: benefitDossiers.length,
        },
      });
      for (const d of dossiers) {
        await this.audit.append(em, {
          actorType: 'staff',
          actorId: admin.subject,
          action: 'dossier.center_moved',
          entityType: 'dossier',
          entityId: d.id,
          data: { code: d.code, status: d.status, from: code, to: successor.code, reason },
        });
      }
      return { dossiers: dossiers.length, benefits: benefitDossiers.length };
    });
    return { center: (await this.centers.find(code))!, moved };
  }

  private async open(em: EntityManager, code: string): Promise<AdministeredCenter> {
    const center = CODE.test(code) ? await this.centers.find(code, em) : undefined;
    if (!center) throw DomainError.notFound('Không tìm thấy trung tâm.');
    if (!center.active) {
      throw DomainError.conflict('Trung tâm đã đóng cửa.', {
        errors: [{ field: 'code', code: 'center_closed', message: 'Trung tâm đã đóng cửa.' }],
      });
    }
    return center;
  }

  /** A commune is served by one active center. */
  private async checkCommunes(em: EntityManager, communes: string[], code: string): Promise<void> {
    const [taken] = await this.centers.communeOwners(em, communes, code);
    if (taken) {
      const message = `Xã, phường ${taken.commune} đã thuộc trung tâm ${taken.code}: hãy bỏ ở trung tâm đó trước.`;
      throw DomainError.unprocessable(message, [{ field: 'communes', code: 'commune_taken', message }]);
    }
  }

  private fields(body: CenterDetailsDto): CenterFields {
    const text = (s: string) => s.trim().normalize('NFC');
    return {
      name: text(body.name),
      provinceName: text(body.provinceName),
      address: text(body.address),
      phone: body.phone.trim(),
      hours: text(body.hours),
      communes: [...new Set(body.communes)].sort(),
    };
  }
}

function pick(c: AdministeredCenter): CenterFields {
  return {
    name: c.name,
    provinceName: c.provinceName,
    address: c.address,
    phone: c.phone,
    hours: c.hours,
    communes: c.communes,
  };
}
