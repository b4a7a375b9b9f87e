import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dossier aggregate (hồ sơ) with its history, attachments, idempotency keys, the hash-chained audit log and
 * the outbox of status changes for the national portal. Queue indexes are designed for the staff work queue:
 * one center, optionally one status, ordered by the date that matters (due date, else filing date), keyset paged.
 */
export class Dossiers1764300000000 implements MigrationInterface {
  name = 'Dossiers1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE TABLE service_center (
        code text PRIMARY KEY CHECK (code ~ '^[A-Z0-9-]{2,20}$'),
        name text NOT NULL,
        province_name text NOT NULL,
        address text NOT NULL DEFAULT '',
        active boolean NOT NULL DEFAULT true
      )`);
    await q.query(`
      CREATE TABLE dossier_sequence (
        center_code text NOT NULL,
        day date NOT NULL,
        last_value integer NOT NULL,
        PRIMARY KEY (center_code, day)
      )`);
    await q.query(`
      CREATE TABLE dossier (
        id uuid PRIMARY KEY,
        code text NOT NULL UNIQUE,
        personal_id char(12) NOT NULL CHECK (personal_id ~ '^[0-9]{12}$'),
        center_code text NOT NULL REFERENCES service_center (code),
        channel text NOT NULL CHECK (channel IN ('online', 'portal', 'counter')),
        portal_dossier_code text UNIQUE,
        status text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        full_name text NOT NULL,
        search_name text NOT NULL,
        applicant jsonb NOT NULL,
        insurance jsonb,
        application jsonb NOT NULL,
        assessment jsonb NOT NULL,
        flags text[] NOT NULL DEFAULT '{}',
        termination_date date NOT NULL,
        filed_at timestamptz NOT NULL,
        received_at timestamptz,
        due_date date,
        sort_date date NOT NULL,
        clock_paused_remaining integer,
        decided_at timestamptz,
        supplement jsonb,
        review jsonb,
        decision_note text,
        is_open boolean GENERATED ALWAYS AS (status IN ('SUBMITTED', 'SUPPLEMENT_REQUESTED', 'RECEIVED', 'IN_REVIEW', 'REVIEWED', 'PROPOSED')) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX dossier_one_open_per_person ON dossier (personal_id) WHERE is_open`);
    await q.query(`CREATE INDEX dossier_personal_id_idx ON dossier (personal_id, filed_at DESC)`);
    await q.query(`CREATE INDEX dossier_queue_idx ON dossier (center_code, sort_date, id)`);
    await q.query(`CREATE INDEX dossier_queue_status_idx ON dossier (center_code, status, sort_date, id)`);
    await q.query(
      `CREATE INDEX dossier_open_due_idx ON dossier (center_code, due_date, id) WHERE is_open AND due_date IS NOT NULL`,
    );
    await q.query(`CREATE INDEX dossier_search_name_idx ON dossier USING gin (search_name gin_trgm_ops)`);
    await q.query(`CREATE INDEX dossier_filed_at_idx ON dossier (filed_at)`);

    await q.query(`
      CREATE TABLE dossier_event (
        id bigserial PRIMARY KEY,
        dossier_id uuid NOT NULL REFERENCES dossier (id),
        seq integer NOT NULL,
        occurred_at timestamptz NOT NULL,
        action text NOT NULL,
        from_status text,
        to_status text NOT NULL,
        actor_type text NOT NULL,
        actor_id text,
        actor_name text,
        note text,
        data jsonb NOT NULL DEFAULT '{}',
        UNIQUE (dossier_id, seq)
      )`);

    await q.query(`
      CREATE TABLE attachment (
        id uuid PRIMARY KEY,
        dossier_id uuid NOT NULL REFERENCES dossier (id),
        kind text NOT NULL,
        file_name text NOT NULL,
        content_type text NOT NULL,
        size integer NOT NULL CHECK (size > 0),
        sha256 char(64) NOT NULL,
        object_key text NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        uploaded_by text NOT NULL
      )`);
    await q.query(`CREATE INDEX attachment_dossier_idx ON attachment (dossier_id, uploaded_at)`);

    await q.query(`
      CREATE TABLE idempotency_key (
        scope text NOT NULL,
        key text NOT NULL,
        request_hash char(64) NOT NULL,
        response_status integer NOT NULL,
        response_body jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key)
      )`);

    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        actor_type text NOT NULL,
        actor_id text,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL UNIQUE
      )`);
    await q.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);

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
        delivered_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX portal_outbox_pending_idx ON portal_outbox (dossier_id, id) WHERE status <> 'delivered'`,
    );
    await q.query(`CREATE INDEX portal_outbox_due_idx ON portal_outbox (next_attempt_at) WHERE status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE portal_outbox`);
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_append_only()`);
    await q.query(`DROP TABLE idempotency_key`);
    await q.query(`DROP TABLE attachment`);
    await q.query(`DROP TABLE dossier_event`);
    await q.query(`DROP TABLE dossier`);
    await q.query(`DROP TABLE dossier_sequence`);
    await q.query(`DROP TABLE service_center`);
  }
}
