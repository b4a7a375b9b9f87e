import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff accounts administered in the service (issue #23):
 * - `staff_account` gains what an administrator records (title, phone, e-mail, employee number), the password
 *   state (`must_change_password` after a first-admin command or a reset), two-factor (`totp_secret`, sealed with a
 *   key kept outside the database, `totp_enabled_at`, and `totp_last_step` so a code is accepted once), and `sessions_valid_from`: tokens issued before it are
 *   refused, so a password reset or a deactivation ends every session at once.
 * - `staff_recovery_code`: two-factor recovery codes, scrypt-hashed, each usable once.
 * E-mail and employee number are unique (case-insensitive e-mail): the province's identity provider is matched on
 * them.
 */
export class StaffAccountAdministration1766100000000 implements MigrationInterface {
  name = 'StaffAccountAdministration1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE staff_account
        ADD COLUMN title text CHECK (length(title) BETWEEN 1 AND 200),
        ADD COLUMN phone text CHECK (phone ~ '^[0-9+][0-9 .-]{5,19}$'),
        ADD COLUMN email text CHECK (length(email) BETWEEN 3 AND 254 AND email LIKE '%_@_%'),
        ADD COLUMN employee_number text CHECK (employee_number ~ '^[A-Za-z0-9._-]{1,40}$'),
        ADD COLUMN must_change_password boolean NOT NULL DEFAULT false,
        ADD COLUMN totp_secret text,
        ADD COLUMN totp_enabled_at timestamptz,
        ADD COLUMN totp_last_step bigint,
        ADD COLUMN sessions_valid_from timestamptz,
        ADD COLUMN password_changed_at timestamptz,
        ADD CONSTRAINT staff_account_totp_pair CHECK ((totp_secret IS NULL) = (totp_enabled_at IS NULL))
    `);
    await q.query(
      `CREATE UNIQUE INDEX staff_account_email_key ON staff_account (lower(email)) WHERE email IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX staff_account_employee_number_key ON staff_account (employee_number)
        WHERE employee_number IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE staff_recovery_code (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES staff_account (id) ON DELETE CASCADE,
        code_hash text NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )
    `);
    await q.query(
      `CREATE INDEX staff_recovery_code_account_idx ON staff_recovery_code (account_id) WHERE used_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE staff_recovery_code`);
    await q.query(`DROP INDEX staff_account_employee_number_key`);
    await q.query(`DROP INDEX staff_account_email_key`);
    await q.query(`
      ALTER TABLE staff_account
        DROP CONSTRAINT staff_account_totp_pair,
        DROP COLUMN title, DROP COLUMN phone, DROP COLUMN email, DROP COLUMN employee_number,
        DROP COLUMN must_change_password, DROP COLUMN totp_secret, DROP COLUMN totp_enabled_at, DROP COLUMN totp_last_step,
        DROP COLUMN sessions_valid_from, DROP COLUMN password_changed_at
    `);
  }
}
