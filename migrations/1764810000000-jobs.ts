import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One job table for all background work (platform/jobs): document issuance, portal delivery and the scheduled work
 * of later steps. A job is enqueued in the transaction of the change that asks for it, claimed with
 * FOR UPDATE SKIP LOCKED under a lease, retried with backoff, and left `dead` when its attempts are spent. Jobs
 * with the same `key` in a queue run one at a time in id order (portal events of a dossier); a `held` job waits
 * for its `hold` to be released (a portal event waiting for its decision) and keeps the jobs after it waiting.
 * `dedupe_key` makes an enqueue idempotent (one issuance per dossier and document; one portal event per event id).
 *
 * The rows of document_job and portal_outbox move here, in id order, and the old tables are dropped.
 */
export class Jobs1764810000000 implements MigrationInterface {
  name = 'Jobs1764810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE job (
        id bigserial PRIMARY KEY,
        queue text NOT NULL,
        key text,
        dedupe_key text,
        payload jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'held', 'done', 'dead')),
        hold text,
        attempts integer NOT NULL DEFAULT 0,
        run_at timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        done_at timestamptz,
        CHECK ((status = 'held') = (hold IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX job_dedupe_idx ON job (queue, dedupe_key) WHERE dedupe_key IS NOT NULL`);
    await q.query(`CREATE INDEX job_due_idx ON job (queue, run_at, id) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX job_key_open_idx ON job (queue, key, id) WHERE status <> 'done' AND key IS NOT NULL`);
    await q.query(`CREATE INDEX job_hold_idx ON job (queue, key, hold) WHERE status = 'held'`);

    await q.query(`
      INSERT INTO job (queue, key, dedupe_key, payload, status, attempts, run_at, locked_until, last_error, created_at, done_at)
      SELECT 'documents.issue', dossier_id::text, dossier_id::text || ':' || kind,
             jsonb_build_object('dossierId', dossier_id, 'kind', kind, 'eventSeq', event_seq),
             CASE status WHEN 'failed' THEN 'dead' ELSE status END,
             attempts, run_after, locked_until, last_error, created_at, done_at
      FROM document_job ORDER BY id`);
    await q.query(`
      INSERT INTO job (queue, key, dedupe_key, payload, status, hold, attempts, run_at, last_error, created_at, done_at)
      SELECT 'portal.deliver', dossier_id::text, event_id::text, payload,
             CASE WHEN status = 'delivered' THEN 'done' WHEN status = 'pending' AND held_for IS NOT NULL THEN 'held' ELSE status END,
             CASE WHEN status = 'pending' THEN held_for END,
             attempts, next_attempt_at, last_error, created_at, delivered_at
      FROM portal_outbox ORDER BY id`);
    await q.query(`DROP TABLE document_job`);
    await q.query(`DROP TABLE portal_outbox`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE document_job (
        id bigserial PRIMARY KEY,
        dossier_id uuid NOT NULL REFERENCES dossier (id),
        kind text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        run_after timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        done_at timestamptz,
        event_seq integer,
        UNIQUE (dossier_id, kind)
      )`);
    await q.query(`CREATE INDEX document_job_pending_idx ON document_job (run_after) WHERE status = 'pending'`);
    await q.query(`
      CREATE TABLE portal_outbox (
        id bigserial PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE,
        dossier_id uuid NOT NULL REFERENCES dossier (id),
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dead')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        held_for text
      )`);
    await q.query(
      `CREATE INDEX portal_outbox_pending_idx ON portal_outbox (dossier_id, id) WHERE status <> 'delivered'`,
    );
    await q.query(`CREATE INDEX portal_outbox_due_idx ON portal_outbox (next_attempt_at) WHERE status = 'pending'`);
    await q.query(`
      INSERT INTO document_job (dossier_id, kind, status, attempts, run_after, locked_until, last_error, created_at, done_at, event_seq)
      SELECT (payload->>'dossierId')::uuid, payload->>'kind', CASE status WHEN 'dead' THEN 'failed' ELSE status END,
             attempts, run_at, locked_until, last_error, created_at, done_at, (payload->>'eventSeq')::int
      FROM job WHERE queue = 'documents.issue' ORDER BY id`);
    await q.query(`
      INSERT INTO portal_outbox (event_id, dossier_id, payload, status, attempts, next_attempt_at, last_error, created_at, delivered_at, held_for)
      SELECT dedupe_key::uuid, key::uuid, payload, CASE status WHEN 'done' THEN 'delivered' WHEN 'held' THEN 'pending' ELSE status END,
             attempts, run_at, last_error, created_at, done_at, hold
      FROM job WHERE queue = 'portal.deliver' ORDER BY id`);
    await q.query(`DROP TABLE job`);
  }
}
