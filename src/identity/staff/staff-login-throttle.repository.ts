import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { sql } from '../../platform/database/sql';
import { StaffLoginThrottleEntity } from './staff-login-throttle.entity';

/**
 * Failed staff logins per (username as typed, source address): table `staff_login_throttle`. Usernames that exist
 * and usernames that do not are counted alike, so the lock-out says nothing about which accounts exist; and a lock
 * holds only for the source that caused it, so nobody can lock the Director out of their own office.
 */
@Injectable()
export class StaffLoginThrottleRepository {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(StaffLoginThrottleEntity) private readonly repo: Repository<StaffLoginThrottleEntity>,
  ) {}

  async lockedUntil(username: string, source: string): Promise<Date | null> {
    const row = await this.repo.findOne({ select: { lockedUntil: true }, where: { username, source } });
    return row?.lockedUntil ?? null;
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
      const throttle = em.getRepository(StaffLoginThrottleEntity);
      // The pair's row, created when absent (an upsert: two first failures at once make one row).
      await sql.run(
        em,
        `INSERT INTO staff_login_throttle (username, source) VALUES ($1, $2) ON CONFLICT (username, source) DO NOTHING`,
        [username, source],
      );
      const row = await throttle.findOneOrFail({
        select: { failedAttempts: true },
        where: { username, source },
        lock: { mode: 'pessimistic_write' },
      });
      const state = next(row.failedAttempts);
      await throttle.update(
        { username, source },
        {
          failedAttempts: state.failedAttempts,
          lastFailedAt: () => 'now()',
          // A running lock is never shortened by a failure that does not lock.
          ...(state.lockedUntil ? { lockedUntil: state.lockedUntil } : {}),
        },
      );
      return state.lockedUntil;
    });
  }

  /** After a successful login from this source. */
  async clear(username: string, source: string): Promise<void> {
    await this.repo.delete({ username, source });
  }

  /** An administrator lifts every lock-out of the username (from every source); how many pairs were cleared. */
  async clearAll(em: EntityManager, username: string): Promise<number> {
    const result = await em.getRepository(StaffLoginThrottleEntity).delete({ username });
    return result.affected ?? 0;
  }
}
