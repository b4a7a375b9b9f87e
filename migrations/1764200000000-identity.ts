import { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff accounts (username + scrypt password, lock-out) and API clients (client credentials of the portal). */
export class Identity1764200000000 implements MigrationInterface {
  name = 'Identity1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE staff_account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
        password_hash text NOT NULL,
        full_name text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
        role text NOT NULL CHECK (role IN ('receiver', 'reviewer', 'center_head', 'director', 'admin')),
        center_code text,
        failed_attempts integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
        locked_until timestamptz,
        active boolean NOT NULL DEFAULT true,
        sandbox boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT staff_account_username_key UNIQUE (username),
        CONSTRAINT staff_account_center_by_role CHECK ((role IN ('director', 'admin')) = (center_code IS NULL))
      )
    `);
    await queryRunner.query(
      `COMMENT ON COLUMN staff_account.center_code IS 'NULL for province-level roles (director, admin)'`,
    );
    await queryRunner.query(`
      CREATE TABLE api_client (
        client_id text PRIMARY KEY CHECK (client_id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$'),
        secret_hash text NOT NULL,
        name text NOT NULL,
        scope text NOT NULL CHECK (scope IN ('portal')),
        source text NOT NULL CHECK (source IN ('env', 'sandbox')),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE api_client`);
    await queryRunner.query(`DROP TABLE staff_account`);
  }
}
