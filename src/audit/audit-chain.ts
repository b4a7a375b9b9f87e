import { createHash } from 'node:crypto';
import { canonicalJson } from '../platform/json/canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  occurredAt: string;
  actorType: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data: Record<string, unknown>;
}

/** SHA-256 over the previous link and the row's canonical content: change any byte and every later link breaks. */
export function chainHash(prevHash: string, entry: AuditEntry): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(
      canonicalJson({
        occurredAt: entry.occurredAt,
        actorType: entry.actorType,
        actorId: entry.actorId,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        data: entry.data,
      }),
    )
    .digest('hex');
}

export interface StoredAuditRow extends AuditEntry {
  id: string;
  prevHash: string;
  hash: string;
}

export type ChainVerdict = { ok: true; rows: number } | { ok: false; rows: number; brokenAt: string; problem: string };

/** Walks rows in id order and names the first one whose link or content does not hold. */
export function verifyChain(
  rows: Iterable<StoredAuditRow>,
  start = { prevHash: GENESIS_HASH, count: 0 },
): ChainVerdict {
  let prev = start.prevHash;
  let count = start.count;
  for (const row of rows) {
    count++;
    if (row.prevHash !== prev)
      return { ok: false, rows: count, brokenAt: row.id, problem: 'prev_hash does not match the previous row' };
    if (chainHash(prev, row) !== row.hash)
      return { ok: false, rows: count, brokenAt: row.id, problem: 'content does not match its hash' };
    prev = row.hash;
  }
  return { ok: true, rows: count };
}
