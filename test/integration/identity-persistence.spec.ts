import { DataSource } from 'typeorm';
import { sql } from '../../src/platform/database/sql';
import { StaffAccountEntity } from '../../src/identity/staff/staff-account.entity';
import { StaffAccountRepository } from '../../src/identity/staff/staff-account.repository';
import { StaffLoginThrottleEntity } from '../../src/identity/staff/staff-login-throttle.entity';
import { StaffLoginThrottleRepository } from '../../src/identity/staff/staff-login-throttle.repository';
import { StaffRecoveryCodeEntity } from '../../src/identity/staff/staff-recovery-code.entity';
import { StaffRecoveryCodeRepository } from '../../src/identity/staff/staff-recovery-code.repository';
import { RevokedSessionEntity } from '../../src/identity/tokens/revoked-session.entity';
import { SessionRevocationRepository } from '../../src/identity/tokens/session-revocation.repository';
import { createTestDatabase } from '../support/database';

/**
 * The identity repositories on PostgreSQL with the real migrations, connected as the service's least-privileged
 * role: the lock-out counter, the revoked sessions and the recovery codes.
 */
describe('identity persistence (staff_login_throttle, revoked_session, staff_recovery_code)', () => {
  let dataSource: DataSource;
  let throttle: StaffLoginThrottleRepository;
  let sessions: SessionRevocationRepository;
  let codes: StaffRecoveryCodeRepository;
  let accounts: StaffAccountRepository;

  beforeAll(async () => {
    const { appUrl } = await createTestDatabase();
    dataSource = await new DataSource({
      type: 'postgres',
      url: appUrl,
      entities: [StaffAccountEntity, StaffLoginThrottleEntity, StaffRecoveryCodeEntity, RevokedSessionEntity],
    }).initialize();
    throttle = new StaffLoginThrottleRepository(dataSource, dataSource.getRepository(StaffLoginThrottleEntity));
    sessions = new SessionRevocationRepository(dataSource.getRepository(RevokedSessionEntity));
    codes = new StaffRecoveryCodeRepository(dataSource.getRepository(StaffRecoveryCodeEntity));
    accounts = new StaffAccountRepository(dataSource.getRepository(StaffAccountEntity));
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  /** Counts failures; locks for an hour from `at` at the third, then never sets a lock again. */
  const thirdLocks = (at: Date) => (count: number) => ({
    failedAttempts: count + 1,
    lockedUntil: count + 1 === 3 ? new Date(at.getTime() + 3_600_000) : null,
  });

  it('counts failures per username and source, every one of concurrent failures, and locks only that pair', async () => {
    const at = new Date('2026-11-30T08:00:00.000Z');
    const results = await Promise.all(
      Array.from({ length: 3 }, () => throttle.recordFailure('giamdoc', '10.0.0.1', thirdLocks(at))),
    );
    // Exactly one of the three concurrent failures was the third (the row lock serialises them).
    expect(results.filter((r) => r !== null)).toEqual([new Date('2026-11-30T09:00:00.000Z')]);
    expect(await throttle.lockedUntil('giamdoc', '10.0.0.1')).toEqual(new Date('2026-11-30T09:00:00.000Z'));
    expect(await throttle.lockedUntil('giamdoc', '10.0.0.2')).toBeNull();
    expect(await throttle.lockedUntil('nobody', '10.0.0.1')).toBeNull();
  });

  it('never shortens a running lock with a later failure that does not lock, and clears per source or all', async () => {
    const at = new Date('2026-11-30T08:00:00.000Z');
    for (let i = 0; i < 4; i++) await throttle.recordFailure('canbo1', '10.0.0.9', thirdLocks(at));
    expect(await throttle.lockedUntil('canbo1', '10.0.0.9')).toEqual(new Date('2026-11-30T09:00:00.000Z'));
    const [row] = await sql.rows<{ failedAttempts: number }>(
      dataSource,
      `SELECT failed_attempts AS "failedAttempts" FROM staff_login_throttle WHERE username = $1 AND source = $2`,
      ['canbo1', '10.0.0.9'],
    );
    expect(row.failedAttempts).toBe(4);
    await throttle.recordFailure('canbo1', '10.0.0.8', thirdLocks(at));
    await throttle.recordFailure('canbo1', '10.0.0.7', thirdLocks(at));
    await throttle.clear('canbo1', '10.0.0.9');
    expect(await throttle.lockedUntil('canbo1', '10.0.0.9')).toBeNull();
    expect(await dataSource.transaction((em) => throttle.clearAll(em, 'canbo1'))).toBe(2);
    expect(await dataSource.transaction((em) => throttle.clearAll(em, 'canbo1'))).toBe(0);
  });

  it('revokes a session idempotently, keeping the later expiry, and purges rows expired more than a day ago', async () => {
    const later = new Date(Date.now() + 2 * 3_600_000);
    await sessions.revoke('sid-a', later);
    await sessions.revoke('sid-a', new Date(Date.now() + 60_000));
    const expiry = async (sid: string) =>
      (await dataSource.getRepository(RevokedSessionEntity).findOneBy({ sid }))?.expiresAt;
    expect(await expiry('sid-a')).toEqual(later);
    expect(await sessions.isRevoked('sid-a')).toBe(true);
    expect(await sessions.isRevoked('sid-b')).toBe(false);
    // Rows no token can need any more go with the next revocation; a row expired less than a day ago stays.
    await sessions.revoke('sid-old', new Date(Date.now() - 25 * 3_600_000));
    await sessions.revoke('sid-recent', new Date(Date.now() - 3_600_000));
    await sessions.revoke('sid-c', later);
    expect(await sessions.isRevoked('sid-old')).toBe(false);
    expect(await sessions.isRevoked('sid-recent')).toBe(true);
  });

  it('replaces an account\u2019s recovery codes and spends each once', async () => {
    await accounts.insert({
      username: 'quantri',
      passwordHash: 'x',
      fullName: 'Quản Trị',
      role: 'admin',
      centerCode: null,
      sandbox: false,
    });
    const id = (await dataSource.getRepository(StaffAccountEntity).findOneByOrFail({ username: 'quantri' })).id;
    await dataSource.transaction((em) => codes.replace(em, id, ['h1', 'h2', 'h3']));
    await dataSource.transaction((em) => codes.replace(em, id, ['n1', 'n2']));
    const unused = await codes.unused(id);
    expect(unused.map((c) => c.codeHash).sort()).toEqual(['n1', 'n2']);
    expect(await dataSource.transaction((em) => codes.spend(em, unused[0].id))).toBe(true);
    expect(await dataSource.transaction((em) => codes.spend(em, unused[0].id))).toBe(false);
    expect((await codes.unused(id)).map((c) => c.codeHash)).toEqual([unused[1].codeHash]);
    await dataSource.transaction((em) => codes.removeAll(em, id));
    expect(await codes.unused(id)).toEqual([]);
  });
});
