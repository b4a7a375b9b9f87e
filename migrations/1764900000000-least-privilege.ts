import { MigrationInterface, QueryRunner } from 'typeorm';

/** The group role the application's login role belongs to (see README, "Database roles"). */
export const APP_ROLE = 'tctn_app';

/**
 * Least privilege for the application. The role running the migrations owns the schema; the application connects
 * as a member of `tctn_app`, which may read and write the working tables but never alter them, never disable a
 * trigger (only an owner or a superuser can) and never UPDATE, DELETE or TRUNCATE the audit log or its signed
 * checkpoints. Default privileges make tables of later migrations readable and writable by the application
 * without each migration having to say so; an append-only table revokes what it must, as here.
 *
 * `audit_checkpoint` keeps the chain head signed by the service at intervals (count, last id, last hash), so a
 * rewrite with recomputed hashes or a deletion of the newest rows no longer goes unnoticed.
 */
export class LeastPrivilege1764900000000 implements MigrationInterface {
  name = 'LeastPrivilege1764900000000';

  async up(q: QueryRunner): Promise<void> {
    // Roles belong to the whole cluster; the DBA may have created it already (then CREATEROLE is not needed).
    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
        END IF;
      END $$`);
    await q.query(`
      CREATE TABLE audit_checkpoint (
        id bigserial PRIMARY KEY,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_id bigint NOT NULL,
        row_count bigint NOT NULL,
        head_hash char(64) NOT NULL,
        jws text NOT NULL
      )`);
    await q.query(`
      CREATE TRIGGER audit_checkpoint_no_update_delete BEFORE UPDATE OR DELETE ON audit_checkpoint
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);

    await q.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE}`);
    await q.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE}`);
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE}`,
    );
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${APP_ROLE}`);
    // Append-only tables: read and add, nothing else. The migrations' own bookkeeping is none of its business.
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, audit_checkpoint FROM ${APP_ROLE}`);
    await q.query(`REVOKE ALL ON schema_migrations FROM ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM ${APP_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM ${APP_ROLE}`);
    await q.query(`DROP TABLE audit_checkpoint`);
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${APP_ROLE}`);
    await q.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${APP_ROLE}`);
    await q.query(`REVOKE ALL ON SCHEMA public FROM ${APP_ROLE}`);
  }
}
