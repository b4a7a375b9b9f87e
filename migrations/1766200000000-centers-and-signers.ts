import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Centers and signers administered in the service (docs/centers-and-signers.md).
 * - `service_center.communes`: the commune codes (xã/phường/đặc khu) a center serves; `closed_at`, `closed_reason`,
 *   `successor_code`: a closed center (`active = false`) names where its open dossiers went.
 * - `signer_authority`: who signs for the department (`scope = 'department'`) or a center (`scope = <center code>`)
 *   from `valid_from` to `valid_to` (inclusive; NULL = until further notice), as the head ("GIÁM ĐỐC") or a deputy
 *   ("KT. GIÁM ĐỐC" over "PHÓ GIÁM ĐỐC"). Periods of one scope never overlap: the service refuses it (422) and the
 *   exclusion constraint is the last line of defence.
 */
export class CentersAndSigners1766200000000 implements MigrationInterface {
  name = 'CentersAndSigners1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE service_center
        ADD COLUMN communes text[] NOT NULL DEFAULT '{}',
        ADD COLUMN closed_at timestamptz,
        ADD COLUMN closed_reason text,
        ADD COLUMN successor_code text REFERENCES service_center (code),
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`CREATE INDEX service_center_communes_idx ON service_center USING gin (communes)`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`
      CREATE TABLE signer_authority (
        id uuid PRIMARY KEY,
        scope text NOT NULL CHECK (scope = 'department' OR scope ~ '^[A-Z0-9-]{2,20}$'),
        capacity text NOT NULL CHECK (capacity IN ('head', 'deputy')),
        full_name text NOT NULL CHECK (length(full_name) BETWEEN 2 AND 200),
        staff_username text,
        valid_from date NOT NULL,
        valid_to date CHECK (valid_to IS NULL OR valid_to >= valid_from),
        signature_image_key text,
        certificate_ref text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT signer_authority_no_overlap EXCLUDE USING gist (
          scope WITH =, daterange(valid_from, valid_to, '[]') WITH &&
        )
      )`);
    await q.query(`CREATE INDEX signer_authority_scope_idx ON signer_authority (scope, valid_from)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE signer_authority`);
    await q.query(`DROP INDEX service_center_communes_idx`);
    await q.query(
      `ALTER TABLE service_center DROP COLUMN communes, DROP COLUMN closed_at, DROP COLUMN closed_reason,
         DROP COLUMN successor_code, DROP COLUMN updated_at`,
    );
  }
}
