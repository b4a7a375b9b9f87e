import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Server-side end of sessions and a lock-out that neither names accounts nor lets anyone lock out someone else.
 *  - `revoked_session`: sessions ended by logout (the `sid` of their tokens); checked on every request. A row is
 *    needed only until the last token of the session would have expired (`expires_at`), then it may be purged.
 *  - `staff_login_throttle`: failed staff logins counted per (username as typed, source address), for usernames
 *    that exist and for those that do not alike. Replaces the per-account count on `staff_account`.
 */
export class SessionsAndLoginThrottle1765000000000 implements MigrationInterface {
  name = 'SessionsAndLoginThrottle1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE revoked_session (
         sid text PRIMARY KEY CHECK (length(sid) BETWEEN 1 AND 200),
         revoked_at timestamptz NOT NULL DEFAULT now(),
         expires_at timestamptz NOT NULL
       )`,
    );
    await q.query(`CREATE INDEX revoked_session_expires_at ON revoked_session (expires_at)`);
    await q.query(
      `CREATE TABLE staff_login_throttle (
         username text NOT NULL CHECK (length(username) BETWEEN 1 AND 200),
         source text NOT NULL CHECK (length(source) BETWEEN 1 AND 100),
         failed_attempts integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
         locked_until timestamptz,
         last_failed_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (username, source)
       )`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE staff_login_throttle`);
    await q.query(`DROP TABLE revoked_session`);
  }
}
