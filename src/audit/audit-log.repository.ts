import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEntry, chainHash, ChainVerdict, GENESIS_HASH, StoredAuditRow, verifyChain } from './audit-chain';
import { utcTimestamp } from '../platform/database/sql-timestamp';
import { sql } from '../platform/database/sql';
import { ChainHead, Checkpoint } from './audit-checkpoint';
import { AuditCheckpointEntity } from './audit-checkpoint.entity';

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

  /** The signed checkpoints' entity repository (the data source must register AUDIT_ENTITIES). */
  private get checkpoints() {
    return this.dataSource.getRepository(AuditCheckpointEntity);
  }

  /** Appends inside the caller's transaction; call it last, the chain lock is held until commit. */
  async append(em: EntityManager, entry: Omit<AuditEntry, 'occurredAt'> & { occurredAt?: string }): Promise<void> {
    const full: AuditEntry = { ...entry, occurredAt: entry.occurredAt ?? new Date().toISOString() };
    await sql.run(em, 'SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    // The head row, not `ORDER BY id DESC LIMIT 1`: audit_log is partitioned by month (migration 1765800000000).
    const last = await sql.one<{ hash: string }>(em, 'SELECT hash FROM audit_chain_head');
    const prevHash = last?.hash ?? GENESIS_HASH;
    const hash = chainHash(prevHash, full);
    // One statement: the row and the new head (the same round trips as reading the newest row used to take).
    await sql.run(
      em,
      `WITH appended AS (
         INSERT INTO audit_log (occurred_at, actor_type, actor_id, action, entity_type, entity_id, data, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id, hash)
       INSERT INTO audit_chain_head (last_id, hash) SELECT id, hash FROM appended
       ON CONFLICT (singleton) DO UPDATE SET last_id = EXCLUDED.last_id, hash = EXCLUDED.hash`,
      [
        full.occurredAt,
        full.actorType,
        full.actorId,
        full.action,
        full.entityType,
        full.entityId,
        full.data,
        prevHash,
        hash,
      ],
    );
  }

  /**
   * Verifies the whole chain in pages of 5,000 rows, and against the signed checkpoints: each names a row that must
   * still exist with the same hash and the same number of rows up to it, so rows deleted or rewritten (hashes
   * recomputed) up to the newest checkpoint are named too.
   */
  async verify(checkpoints: readonly Checkpoint[] = []): Promise<ChainVerdict> {
    const pending = new Map<string, Checkpoint[]>();
    for (const cp of checkpoints) pending.set(cp.lastId, [...(pending.get(cp.lastId) ?? []), cp]);
    let after = '0';
    let state = { prevHash: GENESIS_HASH, count: 0 };
    for (;;) {
      const rows = await sql.rows<StoredAuditRow>(
        this.dataSource,
        `SELECT ${ROW_COLUMNS} FROM audit_log WHERE audit_log.id > $1::bigint ORDER BY audit_log.id LIMIT 5000`,
        [after],
      );
      if (rows.length === 0) break;
      const verdict = verifyChain(rows, state);
      if (!verdict.ok) return verdict;
      let count = state.count;
      for (const row of rows) {
        count++;
        for (const cp of pending.get(row.id) ?? []) {
          if (cp.hash !== row.hash || cp.count !== count) {
            return {
              ok: false,
              rows: count,
              brokenAt: row.id,
              problem:
                `does not match the checkpoint signed at ${cp.signedAt} (${cp.count} rows up to it, hash ` +
                `${cp.hash.slice(0, 12)}…): rows up to it were deleted or rewritten`,
            };
          }
        }
        pending.delete(row.id);
      }
      after = rows[rows.length - 1].id;
      state = { prevHash: rows[rows.length - 1].hash, count: verdict.rows };
    }
    const missing = [...pending.values()].flat().sort((a, b) => Number(BigInt(a.lastId) - BigInt(b.lastId)))[0];
    if (missing) {
      return {
        ok: false,
        rows: state.count,
        brokenAt: missing.lastId,
        problem:
          `missing: the checkpoint signed at ${missing.signedAt} names this row as number ${missing.count}; ` +
          `it and the rows after the last one found were deleted or truncated`,
      };
    }
    return { ok: true, rows: state.count };
  }

  /** The chain head in one snapshot (appends commit in chain order, so a snapshot always holds a prefix). */
  async head(): Promise<ChainHead | undefined> {
    return this.dataSource.transaction('REPEATABLE READ', async (em) => {
      const last = await sql.one<{ id: string; hash: string }>(
        em,
        `SELECT audit_log.id::text AS id, hash FROM audit_log ORDER BY audit_log.id DESC LIMIT 1`,
      );
      if (!last) return undefined;
      const total = await sql.one<{ count: string }>(em, `SELECT count(*)::bigint::text AS count FROM audit_log`);
      return { lastId: last.id, count: Number(total?.count ?? 0), hash: last.hash };
    });
  }

  /** Signed checkpoints kept in the database (insert-only for the service). */
  async storedCheckpoints(): Promise<{ id: string; lastId: string; jws: string }[]> {
    const rows = await this.checkpoints.find({ select: { id: true, lastId: true, jws: true }, order: { id: 'ASC' } });
    return rows.map(({ id, lastId, jws }) => ({ id, lastId, jws }));
  }

  async lastCheckpoint(): Promise<{ lastId: string; hash: string } | undefined> {
    const [row] = await this.checkpoints.find({
      select: { lastId: true, headHash: true },
      order: { id: 'DESC' },
      take: 1,
    });
    return row ? { lastId: row.lastId, hash: row.headHash } : undefined;
  }

  async insertCheckpoint(head: ChainHead, jws: string): Promise<void> {
    await this.checkpoints.insert({ lastId: head.lastId, rowCount: String(head.count), headHash: head.hash, jws });
  }

  /** The rows of one entity in chain order, with `occurredAt` formatted as hashed (RFC 3339, UTC, milliseconds). */
  async listFor(entityType: string, entityId: string): Promise<StoredAuditRow[]> {
    return sql.rows<StoredAuditRow>(
      this.dataSource,
      `SELECT ${ROW_COLUMNS} FROM audit_log WHERE entity_type = $1 AND entity_id = $2 ORDER BY audit_log.id`,
      [entityType, entityId],
    );
  }
}
