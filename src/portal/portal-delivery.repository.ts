import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PortalEvent } from './portal-outbox.repository';
import { utcTimestamp } from '../platform/database/sql-timestamp';

/** An event claimed by this worker: leased until the POST has surely ended, `attempts` already counts it. */
export interface ClaimedPortalEvent {
  id: string;
  eventId: string;
  attempts: number;
  payload: PortalEvent;
}

export type PortalDeliveryStatus = 'pending' | 'delivered' | 'dead';

/** One outbox row as the administrators see it. */
export interface PortalDeliveryView {
  eventId: string;
  dossierId: string;
  dossierCode: string;
  status: PortalDeliveryStatus;
  /** The dossier status this event reports. */
  dossierStatus: string;
  awaitsDecision: boolean;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

export interface PortalOutboxStats {
  pending: number;
  dead: number;
  oldestPendingAgeSeconds: number;
}

const VIEW_COLUMNS = `o.event_id AS "eventId", o.dossier_id AS "dossierId", o.payload->>'dossierCode' AS "dossierCode",
  o.status, o.payload->>'status' AS "dossierStatus", (o.held_for IS NOT NULL) AS "awaitsDecision", o.attempts,
  ${utcTimestamp('o.next_attempt_at')} AS "nextAttemptAt", o.last_error AS "lastError", ${utcTimestamp('o.created_at')} AS "createdAt",
  ${utcTimestamp('o.delivered_at')} AS "deliveredAt"`;

/**
 * Only a dossier's oldest undelivered event may go out (strict order per dossier): a later event waits while an
 * earlier one is retrying, is held for its document (a decision not yet signed), or is dead. Among those heads:
 * pending, due and released. Rows are locked with SKIP LOCKED, and the conditions on `o` are re-checked by
 * PostgreSQL against the latest row version, so an event another instance has just claimed (lease in the future)
 * or delivered is never picked twice.
 */
const CLAIM_SQL = `
  WITH heads AS (
    SELECT DISTINCT ON (dossier_id) id FROM portal_outbox WHERE status <> 'delivered' ORDER BY dossier_id, id
  )
  SELECT o.id::text AS id, o.event_id AS "eventId", o.payload
  FROM portal_outbox o
  JOIN heads h ON h.id = o.id
  WHERE o.status = 'pending' AND o.next_attempt_at <= now() AND o.held_for IS NULL
  ORDER BY o.next_attempt_at, o.id
  LIMIT $1
  FOR UPDATE OF o SKIP LOCKED`;

/** The delivery side of the transactional outbox (table portal_outbox); the writing side is PortalOutboxRepository. */
@Injectable()
export class PortalDeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Claims up to `limit` deliverable events in one short transaction: counts the attempt and sets the lease
   * (`next_attempt_at = now() + lease`). The payload is final once released, so every retry sends the same body.
   */
  async claim(limit: number, leaseMs: number): Promise<ClaimedPortalEvent[]> {
    return this.dataSource.transaction(async (em) => {
      const rows: { id: string; eventId: string; payload: PortalEvent }[] = await em.query(CLAIM_SQL, [limit]);
      if (rows.length === 0) return [];
      const updated: { id: string; attempts: number }[] = rowsOf(
        await em.query(
          `UPDATE portal_outbox SET attempts = attempts + 1,
             next_attempt_at = now() + make_interval(secs => $2::double precision / 1000)
           WHERE id = ANY ($1::bigint[])
           RETURNING id::text AS id, attempts`,
          [rows.map((r) => r.id), leaseMs],
        ),
      );
      const attempts = new Map(updated.map((u) => [u.id, u.attempts]));
      return rows.map((r) => ({ id: r.id, eventId: r.eventId, attempts: attempts.get(r.id)!, payload: r.payload }));
    });
  }

  /** The portal answered 2xx. Returns false if the row was already delivered (by a concurrent duplicate send). */
  async markDelivered(id: string): Promise<boolean> {
    const rows = rowsOf(
      await this.dataSource.query(
        `UPDATE portal_outbox SET status = 'delivered', delivered_at = now(), next_attempt_at = now()
         WHERE id = $1 AND status <> 'delivered' RETURNING id`,
        [id],
      ),
    );
    return rows.length > 0;
  }

  /**
   * A failed attempt: retry after `retryInMs`, or `dead` once `maxAttempts` are spent. Fenced on the attempt
   * count, so a worker whose lease ran out cannot overwrite the outcome of a later claim.
   */
  async markFailed(
    claimed: ClaimedPortalEvent,
    error: string,
    retryInMs: number,
    maxAttempts: number,
  ): Promise<PortalDeliveryStatus | null> {
    const rows: { status: PortalDeliveryStatus }[] = rowsOf(
      await this.dataSource.query(
        `UPDATE portal_outbox
         SET last_error = $3, status = CASE WHEN attempts >= $4 THEN 'dead' ELSE 'pending' END,
             next_attempt_at = now() + make_interval(secs => $5::double precision / 1000)
         WHERE id = $1 AND attempts = $2 AND status = 'pending' RETURNING status`,
        [claimed.id, claimed.attempts, error.slice(0, 2000), maxAttempts, retryInMs],
      ),
    );
    return rows[0]?.status ?? null;
  }

  /** The service is stopping mid-POST: give the attempt back and make the event due at once for the next worker. */
  async release(claimed: ClaimedPortalEvent): Promise<void> {
    await this.dataSource.query(
      `UPDATE portal_outbox SET attempts = attempts - 1, next_attempt_at = now()
       WHERE id = $1 AND attempts = $2 AND status = 'pending'`,
      [claimed.id, claimed.attempts],
    );
  }

  async list(statuses: PortalDeliveryStatus[], limit: number): Promise<PortalDeliveryView[]> {
    return this.dataSource.query(
      `SELECT ${VIEW_COLUMNS} FROM portal_outbox o WHERE o.status = ANY ($1::text[]) ORDER BY o.id LIMIT $2`,
      [statuses, limit],
    );
  }

  async findForUpdate(em: EntityManager, eventId: string): Promise<PortalDeliveryView | undefined> {
    const [row] = await em.query(`SELECT ${VIEW_COLUMNS} FROM portal_outbox o WHERE o.event_id = $1 FOR UPDATE`, [
      eventId,
    ]);
    return row;
  }

  /** Dead → pending with a fresh attempt budget, due now. The last error stays for the record. */
  async replay(em: EntityManager, eventId: string): Promise<PortalDeliveryView> {
    await em.query(
      `UPDATE portal_outbox SET status = 'pending', attempts = 0, next_attempt_at = now() WHERE event_id = $1 AND status = 'dead'`,
      [eventId],
    );
    const [row] = await em.query(`SELECT ${VIEW_COLUMNS} FROM portal_outbox o WHERE o.event_id = $1`, [eventId]);
    return row;
  }

  async stats(): Promise<PortalOutboxStats> {
    const [row] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
              count(*) FILTER (WHERE status = 'dead')::int AS dead,
              COALESCE(EXTRACT(EPOCH FROM now() - min(created_at) FILTER (WHERE status = 'pending')), 0)::float8 AS "oldestPendingAgeSeconds"
       FROM portal_outbox WHERE status <> 'delivered'`,
    );
    return row;
  }
}

/** TypeORM answers UPDATE … RETURNING with `[rows, affectedCount]`, SELECT with `rows`. */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}
