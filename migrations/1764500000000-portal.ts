import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the embedded national-portal sandbox received (used only when `PORTAL_SYNC_URL` is unset): one row per
 * Idempotency-Key in arrival order, with how many times the same key came (at-least-once delivery shows up as
 * `deliveries > 1`). Kept in the database so the record survives restarts.
 */
export class Portal1764500000000 implements MigrationInterface {
  name = 'Portal1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sandbox_portal_event (
        id bigserial PRIMARY KEY,
        idempotency_key text NOT NULL UNIQUE,
        dossier_code text,
        payload jsonb NOT NULL,
        deliveries integer NOT NULL DEFAULT 1,
        received_at timestamptz NOT NULL DEFAULT now(),
        last_received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX sandbox_portal_event_dossier_idx ON sandbox_portal_event (dossier_code, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sandbox_portal_event`);
  }
}
