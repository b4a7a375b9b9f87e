import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { sql } from '../database/sql';
import { DomainError, ErrorCode } from '../errors/domain-error';
import { canonicalJson } from '../json/canonical-json';
import { IdempotencyKeyEntity } from './idempotency-key.entity';

export interface StoredResponse {
  status: number;
  body: unknown;
}

export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

/** The columns a stored answer is read from. */
const ANSWER = { requestHash: true, responseStatus: true, responseBody: true } as const;

/**
 * `Idempotency-Key` support for writes that create things. The key row is inserted first in the creating
 * transaction: a concurrent request with the same key waits on it, then finds the stored answer.
 */
@Injectable()
export class IdempotencyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A completed earlier request under this key (its stored response), before doing any work; null if none. */
  async lookup(scope: string, key: string, hash: string): Promise<StoredResponse | null> {
    // Before every keyed write (portal filings, API clients): one plain statement, as the filing bench measures it.
    const row = await sql.one<Pick<IdempotencyKeyEntity, 'requestHash' | 'responseStatus' | 'responseBody'>>(
      this.dataSource,
      `SELECT request_hash AS "requestHash", response_status AS "responseStatus", response_body AS "responseBody"
       FROM idempotency_key WHERE scope = $1 AND key = $2 AND response_status > 0`,
      [scope, key],
    );
    return row ? answer(row, hash) : null;
  }

  /**
   * Claims the key inside the transaction. Returns null when this request owns it (go on and create), or the
   * stored response of the earlier request. A different body under the same key is a 409.
   */
  async claim(em: EntityManager, scope: string, key: string, hash: string): Promise<StoredResponse | null> {
    // One statement that inserts or, on a concurrent claim, waits for the other transaction and inserts nothing.
    const inserted = await sql.rows<{ key: string }>(
      em,
      `INSERT INTO idempotency_key (scope, key, request_hash, response_status, response_body) VALUES ($1, $2, $3, 0, 'null')
       ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
      [scope, key, hash],
    );
    if (inserted.length === 1) return null;
    const row = await em.getRepository(IdempotencyKeyEntity).findOneOrFail({ select: ANSWER, where: { scope, key } });
    return answer(row, hash);
  }

  /** Stores the answer in the creating transaction (the filing's hot path: its one statement, as it was). */
  async complete(em: EntityManager, scope: string, key: string, response: StoredResponse): Promise<void> {
    await sql.run(
      em,
      `UPDATE idempotency_key SET response_status = $3, response_body = $4 WHERE scope = $1 AND key = $2`,
      [scope, key, response.status, JSON.stringify(response.body)],
    );
  }
}

function answer(row: Pick<IdempotencyKeyEntity, 'requestHash' | 'responseStatus' | 'responseBody'>, hash: string) {
  if (row.requestHash !== hash) throw mismatch();
  return { status: row.responseStatus, body: row.responseBody };
}

function mismatch(): DomainError {
  return new DomainError(
    ErrorCode.IdempotencyMismatch,
    'Khóa Idempotency-Key này đã được dùng cho một yêu cầu có nội dung khác.',
  );
}
