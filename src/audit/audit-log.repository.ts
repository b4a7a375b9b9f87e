import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEntry, chainHash, ChainVerdict, GENESIS_HASH, StoredAuditRow, verifyChain } from './audit-chain';
import { utcTimestamp } from '../platform/database/sql-timestamp';

/** Any number fixed for the application; serialises appends so the chain has one order. */
const AUDIT_CHAIN_LOCK = 727_001;

// The output column `id` is text; ORDER BY and WHERE name the table's bigint column explicitly, or PostgreSQL
// sorts the text alias ("10" before "9") and the verifier reports a break at row 10 of an intact chain.
const ROW_COLUMNS = `audit_log.id::text AS id, ${utcTimestamp('occurred_at')} AS "occurredAt",
  actor_type AS "actorType", actor_id AS "actorId", action, entity_type AS "entityType", entity_id AS "entityId", data,
  prev_hash AS "prevHash", hash`;

/** The append-only, hash-chained audit log (table audit_log; UPDATE, DELETE and TRUNCATE are refused by triggers). */
@Injectable()
export class AuditLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends inside the caller's transaction; call it last, the chain lock is held until commit. */
  async append(em: EntityManager, entry: Omit<AuditEntry, 'occurredAt'> & { occurredAt?: string }): Promise<void> {
    const full: AuditEntry = { ...entry, occurredAt: entry.occurredAt ?? new Date().toISOString() };
    await em.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    const [last] = await em.query('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1');
    const prevHash: string = last?.hash ?? GENESIS_HASH;
    await em.query(
      `INSERT INTO audit_log (occurred_at, actor_type, actor_id, action, entity_type, entity_id, data, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        full.occurredAt,
        full.actorType,
        full.actorId,
        full.action,
        full.entityType,
        full.entityId,
        full.data,
        prevHash,
        chainHash(prevHash, full),
      ],
    );
  }

  /** Verifies the whole chain in pages of 5,000 rows. */
  async verify(): Promise<ChainVerdict> {
    let after = '0';
    let state = { prevHash: GENESIS_HASH, count: 0 };
    for (;;) {
      const rows: StoredAuditRow[] = await this.dataSource.query(
        `SELECT ${ROW_COLUMNS} FROM audit_log WHERE audit_log.id > $1::bigint ORDER BY audit_log.id LIMIT 5000`,
        [after],
      );
      if (rows.length === 0) return { ok: true, rows: state.count };
      const verdict = verifyChain(rows, state);
      if (!verdict.ok) return verdict;
      after = rows[rows.length - 1].id;
      state = { prevHash: rows[rows.length - 1].hash, count: verdict.rows };
    }
  }

  async listFor(entityType: string, entityId: string): Promise<StoredAuditRow[]> {
    return this.dataSource.query(
      `SELECT ${ROW_COLUMNS} FROM audit_log WHERE entity_type = $1 AND entity_id = $2 ORDER BY audit_log.id`,
      [entityType, entityId],
    );
  }
}
