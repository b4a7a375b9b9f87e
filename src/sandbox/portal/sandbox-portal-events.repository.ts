import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sql } from '../../platform/database/sql';
import { utcTimestamp } from '../../platform/database/sql-timestamp';
import { SandboxPortalPayload } from './sandbox-portal-event.entity';

/** One event as the sandbox portal received it. */
export interface SandboxPortalReceivedEvent {
  /** Arrival order. */
  seq: number;
  idempotencyKey: string;
  dossierCode: string | null;
  status: string | null;
  portalStatusCode: number | null;
  /** How many times this Idempotency-Key arrived (at-least-once delivery: more than 1 is allowed). */
  deliveries: number;
  receivedAt: string;
  lastReceivedAt: string;
  payload: SandboxPortalPayload;
}

const COLUMNS = `id::int AS seq, idempotency_key AS "idempotencyKey", dossier_code AS "dossierCode",
  payload->>'status' AS status, CASE WHEN payload->>'portalStatusCode' ~ '^[0-9]{1,9}$' THEN (payload->>'portalStatusCode')::int END
  AS "portalStatusCode", deliveries,
  ${utcTimestamp('received_at')} AS "receivedAt",
  ${utcTimestamp('last_received_at')} AS "lastReceivedAt", payload`;

/**
 * Table sandbox_portal_event: what the embedded portal sandbox received, deduplicated by Idempotency-Key. Both
 * statements stay hand-written: the record is an upsert that counts repeats, the list formats its timestamps and
 * reads two fields out of the payload for the page.
 */
@Injectable()
export class SandboxPortalEventsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records an arrival; a repeated key only counts the repeat (the first body is kept). */
  async record(idempotencyKey: string, payload: SandboxPortalPayload): Promise<{ duplicate: boolean }> {
    const dossierCode = typeof payload.dossierCode === 'string' ? payload.dossierCode : null;
    const row = await sql.one<{ inserted: boolean }>(
      this.dataSource,
      `INSERT INTO sandbox_portal_event (idempotency_key, dossier_code, payload) VALUES ($1, $2, $3)
       ON CONFLICT (idempotency_key) DO UPDATE
         SET deliveries = sandbox_portal_event.deliveries + 1, last_received_at = now()
       RETURNING (xmax = 0) AS inserted`,
      [idempotencyKey, dossierCode, payload],
    );
    return { duplicate: !row?.inserted };
  }

  /** In arrival order; without a dossier code, the latest `limit` arrivals. */
  async list(dossierCode: string | undefined, limit: number): Promise<SandboxPortalReceivedEvent[]> {
    if (dossierCode) {
      return sql.rows<SandboxPortalReceivedEvent>(
        this.dataSource,
        `SELECT ${COLUMNS} FROM sandbox_portal_event WHERE dossier_code = $1 ORDER BY id LIMIT $2`,
        [dossierCode, limit],
      );
    }
    return sql.rows<SandboxPortalReceivedEvent>(
      this.dataSource,
      `SELECT * FROM (SELECT ${COLUMNS} FROM sandbox_portal_event ORDER BY id DESC LIMIT $1) latest ORDER BY seq`,
      [limit],
    );
  }
}
