import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { sql } from '../../platform/database/sql';
import { utcTimestamp } from '../../platform/database/sql-timestamp';
import { IssuedDocumentEntity, IssuedDocumentStatus } from './issued-document.entity';

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
  status: IssuedDocumentStatus;
  revokedAt: string | null;
  /** Why and by whom (staff username) it was revoked. */
  revocationReason: string | null;
  revokedBy: string | null;
}

export type NewIssuedDocument = Omit<
  IssuedDocumentRecord,
  'status' | 'revokedAt' | 'revocationReason' | 'revokedBy' | 'issuedAt'
> & { issuedAt: Date };

/** The columns of a record, as the raw reads of the issuance path select them (timestamps formatted in SQL). */
const COLUMNS = `id, dossier_id AS "dossierId", kind, number, authority_symbol AS "authoritySymbol", year,
  verification_code AS "verificationCode", sha256, object_key AS "objectKey", holder_name AS "holderName",
  issuer_name AS "issuerName", ${utcTimestamp('issued_at')} AS "issuedAt",
  status, ${utcTimestamp('revoked_at')} AS "revokedAt",
  revocation_reason AS "revocationReason", revoked_by AS "revokedBy"`;

/** A record from its entity: timestamps as the raw reads format them (RFC 3339, UTC, milliseconds). */
function toRecord(e: IssuedDocumentEntity): IssuedDocumentRecord {
  return {
    id: e.id,
    dossierId: e.dossierId,
    kind: e.kind,
    number: e.number,
    authoritySymbol: e.authoritySymbol,
    year: e.year,
    verificationCode: e.verificationCode,
    sha256: e.sha256,
    objectKey: e.objectKey,
    holderName: e.holderName,
    issuerName: e.issuerName,
    issuedAt: e.issuedAt.toISOString(),
    status: e.status,
    revokedAt: e.revokedAt ? e.revokedAt.toISOString() : null,
    revocationReason: e.revocationReason,
    revokedBy: e.revokedBy,
  };
}

/**
 * Signed documents and the number registers they draw from. The issuance path (nextNumber, insert,
 * findByDossierAndKind) keeps its hand-written statements, which the issuance benchmark measures; the other reads
 * and the revocation go through the entity repository.
 */
@Injectable()
export class IssuedDocumentRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(em?: EntityManager) {
    return (em ?? this.dataSource.manager).getRepository(IssuedDocumentEntity);
  }

  /**
   * The next number of a register for a year. The register row stays locked until the caller's transaction
   * ends, so numbers are handed out in commit order without gaps: a rolled-back issuance gives its number back.
   */
  async nextNumber(em: EntityManager, register: string, year: number): Promise<number> {
    const row = await sql.one<{ lastValue: number }>(
      em,
      `INSERT INTO document_number_sequence (authority_symbol, year, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (authority_symbol, year) DO UPDATE SET last_value = document_number_sequence.last_value + 1
       RETURNING last_value AS "lastValue"`,
      [register, year],
    );
    return row!.lastValue;
  }

  async insert(em: EntityManager, d: NewIssuedDocument): Promise<void> {
    await sql.run(
      em,
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
    return sql.one<IssuedDocumentRecord>(
      em ?? this.dataSource,
      `SELECT ${COLUMNS} FROM issued_document WHERE dossier_id = $1 AND kind = $2`,
      [dossierId, kind],
    );
  }

  /**
   * The dossier's decision, approval or refusal (an approval first, should both exist). With `forUpdate` (inside the
   * caller's transaction) the row stays locked until that transaction ends.
   */
  async findDecision(
    dossierId: string,
    options: { em?: EntityManager; forUpdate?: boolean } = {},
  ): Promise<IssuedDocumentRecord | undefined> {
    const found = await this.repo(options.em).findOne({
      where: { dossierId, kind: In(['decision-approval', 'decision-refusal']) },
      order: { kind: 'ASC' },
      ...(options.forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return found ? toRecord(found) : undefined;
  }

  async listForDossier(dossierId: string, em?: EntityManager): Promise<IssuedDocumentRecord[]> {
    const found = await this.repo(em).find({ where: { dossierId }, order: { issuedAt: 'ASC', kind: 'ASC' } });
    return found.map(toRecord);
  }

  /** The documents of several dossiers in one statement (a list page), in the order listForDossier gives. */
  async listForDossiers(dossierIds: readonly string[]): Promise<IssuedDocumentRecord[]> {
    if (!dossierIds.length) return [];
    const found = await this.repo().find({
      where: { dossierId: In([...dossierIds]) },
      order: { issuedAt: 'ASC', kind: 'ASC' },
    });
    return found.map(toRecord);
  }

  async findByVerificationCode(code: string): Promise<IssuedDocumentRecord | undefined> {
    const found = await this.repo().findOneBy({ verificationCode: code });
    return found ? toRecord(found) : undefined;
  }

  /** Marks an issued document revoked (the verification page then answers valid: false). */
  async revoke(em: EntityManager, id: string, revocation: { at: Date; reason: string; by: string }): Promise<void> {
    await this.repo(em).update(
      { id, status: 'issued' },
      { status: 'revoked', revokedAt: revocation.at, revocationReason: revocation.reason, revokedBy: revocation.by },
    );
  }
}
