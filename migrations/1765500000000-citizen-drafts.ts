import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A citizen's unfinished application, kept on the server so a session that ends (or a change of device) loses
 * nothing, with the files attached before filing.
 * - `citizen_draft`: one row per person (personal ID), the answers as bounded JSON (checked by the API and by a
 *   size CHECK here), deleted in the filing transaction.
 * - `citizen_draft_attachment`: files uploaded before filing; removable; moved onto the dossier (same object key)
 *   in the filing transaction. Removed with the draft.
 * - `service_center.phone` and `.hours`: what a citizen needs to ask for help, next to the address.
 * - The work queue orders dossiers of one day by filing time (oldest first): its indexes gain `filed_at`.
 */
export class CitizenDrafts1765500000000 implements MigrationInterface {
  name = 'CitizenDrafts1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE citizen_draft (
        personal_id char(12) PRIMARY KEY CHECK (personal_id ~ '^[0-9]{12}$'),
        data jsonb NOT NULL CHECK (jsonb_typeof(data) = 'object' AND octet_length(data::text) <= 16384),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )
    `);
    await queryRunner.query(`
      CREATE TABLE citizen_draft_attachment (
        id uuid PRIMARY KEY,
        personal_id char(12) NOT NULL REFERENCES citizen_draft (personal_id) ON DELETE CASCADE,
        kind text NOT NULL,
        content_type text NOT NULL,
        size bigint NOT NULL CHECK (size > 0),
        sha256 char(64) NOT NULL,
        object_key text NOT NULL,
        uploaded_at timestamptz NOT NULL
      )
    `);
    await queryRunner.query(
      `CREATE INDEX citizen_draft_attachment_person_idx ON citizen_draft_attachment (personal_id, uploaded_at, id)`,
    );
    await queryRunner.query(
      `ALTER TABLE service_center ADD COLUMN phone text NOT NULL DEFAULT '', ADD COLUMN hours text NOT NULL DEFAULT ''`,
    );
    await queryRunner.query(`DROP INDEX dossier_queue_idx`);
    await queryRunner.query(`DROP INDEX dossier_queue_status_idx`);
    await queryRunner.query(`CREATE INDEX dossier_queue_idx ON dossier (center_code, sort_date, filed_at, id)`);
    await queryRunner.query(
      `CREATE INDEX dossier_queue_status_idx ON dossier (center_code, status, sort_date, filed_at, id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX dossier_queue_idx`);
    await queryRunner.query(`DROP INDEX dossier_queue_status_idx`);
    await queryRunner.query(`CREATE INDEX dossier_queue_idx ON dossier (center_code, sort_date, id)`);
    await queryRunner.query(`CREATE INDEX dossier_queue_status_idx ON dossier (center_code, status, sort_date, id)`);
    await queryRunner.query(`ALTER TABLE service_center DROP COLUMN phone, DROP COLUMN hours`);
    await queryRunner.query(`DROP TABLE citizen_draft_attachment`);
    await queryRunner.query(`DROP TABLE citizen_draft`);
  }
}
