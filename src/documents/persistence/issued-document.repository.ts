import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { utcTimestamp } from '../../platform/database/sql-timestamp';

/** One signed document as recorded (table issued_document). */
export interface IssuedDocumentRecord {
  id: string;
  dossierId: string;
  kind: string;
  number: string | null;
  authoritySymbol: string;
  year: number;
  verificationCode: string;
  sha256: string;
  objectKey: string;
  holderName: string;
  issuerName: string;
  /** RFC 3339, UTC. */
  issuedAt: string;
  status: 'issued' | 'revoked';
  revokedAt: string | null;
  /** Why and by whom (staff username) it was revoked. */
  revocationReason: string | null;
  revokedBy: string | null;
}

export type NewIssuedDocument = Omit<
  IssuedDocumentRecord,
  'status' | 'revokedAt' | 'revocationReason' | 'revokedBy' | 'issuedAt'
> & { issuedAt: Date };

const COLUMNS = `id, dossier_id AS "dossierId", kind, number, authority_symbol AS "authoritySymbol", year,
  verification_code AS "verificationCode", sha256, object_key AS "objectKey", holder_name AS "holderName",
  issuer_name AS "issuerName", ${utcTimestamp('issued_at')} AS "issuedAt",
  status, ${utcTimestamp('revoked_at')} AS "revokedAt",
  revocation_reason AS "revocationReason", revoked_by AS "revokedBy"`;

/** Signed documents and the number registers they draw from. */
@Injectable()
export class IssuedDocumentRepository {
  constructor(private readonly dataSource: DataSource) {}

  private db(em?: EntityManager) {
    return em ?? this.dataSource.manager;
  }

  /**
   * The next number of a register for a year. The register row stays locked until the caller's transaction
   * ends, so numbers are handed out in commit order without gaps: a rolled-back issuance gives its number back.
   */
  async nextNumber(em: EntityManager, register: string, year: number): Promise<number> {
    const [row] = await em.query(
      `INSERT INTO document_number_sequence (authority_symbol, year, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (authority_symbol, year) DO UPDATE SET last_value = document_number_sequence.last_value + 1
       RETURNING last_value`,
      [register, year],
    );
    return row.last_value;
  }

  async insert(em: EntityManager, d: NewIssuedDocument): Promise<void> {
    await em.query(
      `INSERT INTO issued_document (id, dossier_id, kind, number, authority_symbol, year, verification_code, sha256,
         object_key, holder_name, issuer_name, issued_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        d.id,
        d.dossierId,
        d.kind,
        d.number,
        d.authoritySymbol,
        d.year,
        d.verificationCode,
        d.sha256,
        d.objectKey,
        d.holderName,
        d.issuerName,
        d.issuedAt,
      ],
    );
  }

  async findByDossierAndKind(
    dossierId: string,
    kind: string,
    em?: EntityManager,
  ): Promise<IssuedDocumentRecord | undefined> {
    const [row] = await this.db(em).query(
      `SELECT ${COLUMNS} FROM issued_document WHERE dossier_id = $1 AND kind = $2`,
      [dossierId, kind],
    );
    return row;
  }

  /**
   * The dossier's decision, approval or refusal (an approval first, should both exist). With `forUpdate` (inside the
   * caller's transaction) the row stays locked until that transaction ends.
   */
  async findDecision(
    dossierId: string,
    options: { em?: EntityManager; forUpdate?: boolean } = {},
  ): Promise<IssuedDocumentRecord | undefined> {
    const [row] = await this.db(options.em).query(
      `SELECT ${COLUMNS} FROM issued_document
       WHERE dossier_id = $1 AND kind IN ('decision-approval', 'decision-refusal')
       ORDER BY kind LIMIT 1${options.forUpdate ? ' FOR UPDATE' : ''}`,
      [dossierId],
    );
    return row;
  }

  async listForDossier(dossierId: string, em?: EntityManager): Promise<IssuedDocumentRecord[]> {
    return this.db(em).query(`SELECT ${COLUMNS} FROM issued_document WHERE dossier_id = $1 ORDER BY issued_at, kind`, [
      dossierId,
    ]);
  }

  /** The documents of several dossiers in one statement (a list page), in the order listForDossier gives. */
  async listForDossiers(dossierIds: readonly string[]): Promise<IssuedDocumentRecord[]> {
    if (!dossierIds.length) return [];
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM issued_document WHERE dossier_id = ANY($1::uuid[]) ORDER BY issued_at, kind`,
      [dossierIds],
    );
  }

  async findByVerificationCode(code: string): Promise<IssuedDocumentRecord | undefined> {
    const [row] = await this.dataSource.query(`SELECT ${COLUMNS} FROM issued_document WHERE verification_code = $1`, [
      code,
    ]);
    return row;
  }

  /** Marks an issued document revoked (the verification page then answers valid: false). */
  async revoke(em: EntityManager, id: string, revocation: { at: Date; reason: string; by: string }): Promise<void> {
    await em.query(
      `UPDATE issued_document SET status = 'revoked', revoked_at = $2, revocation_reason = $3, revoked_by = $4
       WHERE id = $1 AND status = 'issued'`,
      [id, revocation.at, revocation.reason, revocation.by],
    );
  }
}
