import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { SignerCapacity, SignerPeriod } from './domain/signers';

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

  /** Every period, or those of one scope, latest first. */
  list(scope?: string, em?: EntityManager): Promise<SignerPeriod[]> {
    return scope === undefined
      ? this.db(em).query(`SELECT ${COLUMNS} FROM signer_authority ORDER BY scope, valid_from DESC`)
      : this.db(em).query(`SELECT ${COLUMNS} FROM signer_authority WHERE scope = $1 ORDER BY valid_from DESC`, [scope]);
  }

  /** The period of `scope` covering `day`, if any. */
  async inForce(scope: string, day: string, em?: EntityManager): Promise<SignerPeriod | undefined> {
    const [row] = await this.db(em).query(
      `SELECT ${COLUMNS} FROM signer_authority
       WHERE scope = $1 AND valid_from <= $2::date AND (valid_to IS NULL OR valid_to >= $2::date)`,
      [scope, day],
    );
    return row;
  }

  async find(id: string, em?: EntityManager, lock = false): Promise<SignerPeriod | undefined> {
    const [row] = await this.db(em).query(
      `SELECT ${COLUMNS} FROM signer_authority WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return row;
  }

  /** Serialises changes to one scope's periods (the overlap check reads them, then writes). */
  async lockScope(em: EntityManager, scope: string): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('signer_authority:' || $1))`, [scope]);
  }

  async insert(em: EntityManager, id: string, f: SignerFields, by: string): Promise<void> {
    await em.query(
      `INSERT INTO signer_authority (id, scope, capacity, full_name, staff_username, valid_from, valid_to,
         certificate_ref, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [id, f.scope, f.capacity, f.fullName, f.staffUsername, f.validFrom, f.validTo, f.certificateRef, by],
    );
  }

  async update(em: EntityManager, id: string, f: SignerFields): Promise<void> {
    await em.query(
      `UPDATE signer_authority SET scope = $2, capacity = $3, full_name = $4, staff_username = $5, valid_from = $6,
         valid_to = $7, certificate_ref = $8, updated_at = now() WHERE id = $1`,
      [id, f.scope, f.capacity, f.fullName, f.staffUsername, f.validFrom, f.validTo, f.certificateRef],
    );
  }

  async setSignatureImage(em: EntityManager, id: string, key: string): Promise<void> {
    await em.query(`UPDATE signer_authority SET signature_image_key = $2, updated_at = now() WHERE id = $1`, [id, key]);
  }
}
