import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who read which citizen's registry data, when, from which source and for which purpose (Luật Bảo vệ dữ liệu cá nhân
 * 91/2025/QH15; NĐ 356/2025). Rows are appended by RegistryReader and shown to the citizen; they are never updated.
 */
export class DataAccessLog1764150000000 implements MigrationInterface {
  name = 'DataAccessLog1764150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE data_access_log (
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        subject_personal_id char(12) NOT NULL CHECK (subject_personal_id ~ '^[0-9]{12}$'),
        actor_type text NOT NULL CHECK (actor_type IN ('citizen', 'staff', 'portal', 'system')),
        actor_id text,
        source text NOT NULL CHECK (source IN ('population', 'social_insurance')),
        purpose text NOT NULL CHECK (purpose ~ '^[a-z][a-z0-9_]{0,63}$'),
        request_id text
      )
    `);
    await queryRunner.query(
      `CREATE INDEX data_access_log_subject_idx ON data_access_log (subject_personal_id, occurred_at DESC)`,
    );
    await queryRunner.query(`
      CREATE FUNCTION data_access_log_forbid_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'data_access_log is append-only';
      END
      $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER data_access_log_append_only BEFORE UPDATE ON data_access_log
      FOR EACH ROW EXECUTE FUNCTION data_access_log_forbid_update()
    `);
    await queryRunner.query(
      `COMMENT ON TABLE data_access_log IS 'Reads of a citizen''s registry data (personal data protection); append-only'`,
    );
    await queryRunner.query(
      `COMMENT ON COLUMN data_access_log.purpose IS 'Stable purpose code, e.g. prefill, eligibility_preview, filing, review, reemployment_check'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE data_access_log`);
    await queryRunner.query(`DROP FUNCTION data_access_log_forbid_update()`);
  }
}
