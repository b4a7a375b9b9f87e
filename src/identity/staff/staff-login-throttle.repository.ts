import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Failed staff logins per (username as typed, source address): table `staff_login_throttle`. Usernames that exist
 * and usernames that do not are counted alike, so the lock-out says nothing about which accounts exist; and a lock
 * holds only for the source that caused it, so nobody can lock the Director out of their own office.
 */
@Injectable()
export class StaffLoginThrottleRepository {
  constructor(private readonly dataSource: DataSource) {}

  async lockedUntil(username: string, source: string): Promise<Date | null> {
    const [row] = await this.dataSource.query(
      `SELECT locked_until FROM staff_login_throttle WHERE username = $1 AND source = $2`,
      [username, source],
    );
    return row?.locked_until ? new Date(row.locked_until) : null;
  }

  /**
   * Applies `next` to the stored failure count under a row lock, so concurrent wrong passwords are all counted.
   * Returns the lock end when this failure locked the pair.
   */
  recordFailure(
    username: string,
    source: string,
    next: (failedAttempts: number) => { failedAttempts: number; lockedUntil: Date | null },
  ): Promise<Date | null> {
    return this.dataSource.transaction(async (em) => {
      await em.query(
        `INSERT INTO staff_login_throttle (username, source) VALUES ($1, $2) ON CONFLICT (username, source) DO NOTHING`,
        [username, source],
      );
      const [row] = await em.query(
        `SELECT failed_attempts FROM staff_login_throttle WHERE username = $1 AND source = $2 FOR UPDATE`,
        [username, source],
      );
      const state = next(Number(row.failed_attempts));
      await em.query(
        `UPDATE staff_login_throttle SET failed_attempts = $3, last_failed_at = now(),
                locked_until = coalesce($4, locked_until)
          WHERE username = $1 AND source = $2`,
        [username, source, state.failedAttempts, state.lockedUntil],
      );
      return state.lockedUntil;
    });
  }

  /** After a successful login from this source. */
  async clear(username: string, source: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM staff_login_throttle WHERE username = $1 AND source = $2`, [
      username,
      source,
    ]);
  }
}
