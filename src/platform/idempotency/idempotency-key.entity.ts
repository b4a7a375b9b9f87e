import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A JSON value as stored and returned: what a create endpoint answered, kept to answer a retry identically. Its
 * shape is the endpoint's response type (for filing, the filed dossier's view); only its top level is described
 * here, because the body belongs to the module that answered (a recursive JSON type also defeats TypeORM's find
 * and update typings).
 */
export type StoredJson = string | number | boolean | null | readonly unknown[] | { readonly [key: string]: unknown };

/**
 * One `Idempotency-Key` of one scope (table `idempotency_key`, migration 1764300000000-dossiers). The row is
 * inserted first in the creating transaction with status 0 (in progress) and completed with the response.
 */
@Entity({ name: 'idempotency_key' })
export class IdempotencyKeyEntity {
  @PrimaryColumn({ name: 'scope', type: 'text' })
  scope: string;

  @PrimaryColumn({ name: 'key', type: 'text' })
  key: string;

  /** SHA-256 (hex) of the canonical JSON of the request body. */
  @Column({ name: 'request_hash', type: 'char', length: 64, nullable: false })
  requestHash: string;

  /** 0 while the creating transaction is under way. */
  @Column({ name: 'response_status', type: 'integer', nullable: false })
  responseStatus: number;

  @Column({ name: 'response_body', type: 'jsonb', nullable: false })
  responseBody: StoredJson;

  @Column({ name: 'created_at', type: 'timestamptz', nullable: false, default: () => 'now()' })
  createdAt: Date;
}
