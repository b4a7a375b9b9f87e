import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { sql } from '../platform/database/sql';
import type { SignerCapacity, SignerPeriod } from './domain/signers';
import { SignerAuthorityEntity } from './signer-authority.entity';

const COLUMNS = `id, scope, capacity, full_name AS "fullName", staff_username AS "staffUsername",
  to_char(valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(valid_to, 'YYYY-MM-DD') AS "validTo",
  signature_image_key AS "signatureImageKey", certificate_ref AS "certificateRef"`;

export interface SignerFields {
  scope: string;
  capacity: SignerCapacity;
  fullName: string;
  staffUsername: string | null;
  validFrom: string;
  validTo: string | null;
  certificateRef: string | null;
}

/** `signer_authority`: dated signer periods of the department and of each center. */
@Injectable()
export class SignerRepository {
  constructor(private readonly dataSource: DataSource) {}

  private db(em?: EntityManager) {
    return em ?? this.dataSource.manager;
  }

  private repository(em?: EntityManager) {
    return this.db(em).getRepository(SignerAuthorityEntity);
  }

  /** Every period, or those of one scope, latest first. */
  async list(scope?: string, em?: EntityManager): Promise<SignerPeriod[]> {
    const rows = await this.repository(em).find(
      scope === undefined
        ? { order: { scope: 'ASC', validFrom: 'DESC' } }
        : { where: { scope }, order: { validFrom: 'DESC' } },
    );
    return rows.map(period);
  }

  /** The period of `scope` covering `day`, if any (a date-range condition: one typed statement). */
  async inForce(scope: string, day: string, em?: EntityManager): Promise<SignerPeriod | undefined> {
    return sql.one<SignerPeriod>(
      this.db(em),
      `SELECT ${COLUMNS} FROM signer_authority
       WHERE scope = $1 AND valid_from <= $2::date AND (valid_to IS NULL OR valid_to >= $2::date)`,
      [scope, day],
    );
  }

  /** The period; locked for the rest of the transaction when `lock` is set (then `em` is the transaction's). */
  async find(id: string, em?: EntityManager, lock = false): Promise<SignerPeriod | undefined> {
    const row = await this.repository(em).findOne({
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return row ? period(row) : undefined;
  }

  /** Serialises changes to one scope's periods (the overlap check reads them, then writes). */
  async lockScope(em: EntityManager, scope: string): Promise<void> {
    await sql.run(em, `SELECT pg_advisory_xact_lock(hashtext('signer_authority:' || $1))`, [scope]);
  }

  async insert(em: EntityManager, id: string, f: SignerFields, by: string): Promise<void> {
    await this.repository(em).insert({ id, ...columns(f), createdBy: by });
  }

  async update(em: EntityManager, id: string, f: SignerFields): Promise<void> {
    await this.repository(em).update({ id }, { ...columns(f), updatedAt: () => 'now()' });
  }

  async setSignatureImage(em: EntityManager, id: string, key: string): Promise<void> {
    await this.repository(em).update({ id }, { signatureImageKey: key, updatedAt: () => 'now()' });
  }
}

/** The columns a period's fields set (exactly these, whatever else the object carries). */
function columns(f: SignerFields): SignerFields {
  const { scope, capacity, fullName, staffUsername, validFrom, validTo, certificateRef } = f;
  return { scope, capacity, fullName, staffUsername, validFrom, validTo, certificateRef };
}

function period(s: SignerAuthorityEntity): SignerPeriod {
  return {
    id: s.id,
    scope: s.scope,
    capacity: s.capacity,
    fullName: s.fullName,
    staffUsername: s.staffUsername,
    validFrom: s.validFrom,
    validTo: s.validTo,
    signatureImageKey: s.signatureImageKey,
    certificateRef: s.certificateRef,
  };
}
