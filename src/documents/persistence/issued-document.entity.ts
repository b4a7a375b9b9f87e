import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Whether a signed document still stands: a decision may be revoked (thu hồi) by the Director. */
export type IssuedDocumentStatus = 'issued' | 'revoked';

/** One signed document of a dossier (table `issued_document`): one per dossier and kind. */
@Entity({ name: 'issued_document' })
export class IssuedDocumentEntity {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id: string;

  @Column({ name: 'dossier_id', type: 'uuid', nullable: false })
  dossierId: string;

  /** The stored kind (issued-kind.ts), unique per dossier. */
  @Column({ name: 'kind', type: 'text', nullable: false })
  kind: string;

  /** The register number; null for documents without one. */
  @Column({ name: 'number', type: 'text', nullable: true })
  number: string | null;

  @Column({ name: 'authority_symbol', type: 'text', nullable: false })
  authoritySymbol: string;

  @Column({ name: 'year', type: 'integer', nullable: false })
  year: number;

  @Column({ name: 'verification_code', type: 'text', nullable: false })
  verificationCode: string;

  /** Hex SHA-256 of the signed PDF. */
  @Column({ name: 'sha256', type: 'char', length: 64, nullable: false })
  sha256: string;

  @Column({ name: 'object_key', type: 'text', nullable: false })
  objectKey: string;

  @Column({ name: 'holder_name', type: 'text', nullable: false })
  holderName: string;

  @Column({ name: 'issuer_name', type: 'text', nullable: false })
  issuerName: string;

  @Column({ name: 'issued_at', type: 'timestamptz', nullable: false })
  issuedAt: Date;

  @Column({ name: 'status', type: 'text', nullable: false, default: 'issued' })
  status: IssuedDocumentStatus;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revocation_reason', type: 'text', nullable: true })
  revocationReason: string | null;

  /** Staff username of the Director who revoked it. */
  @Column({ name: 'revoked_by', type: 'text', nullable: true })
  revokedBy: string | null;
}
