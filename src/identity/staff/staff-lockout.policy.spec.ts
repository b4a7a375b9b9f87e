import { LOCK_DURATION_MS, MAX_FAILED_ATTEMPTS, afterFailedAttempt, isLocked } from './staff-lockout.policy';

describe('staff lock-out policy', () => {
  const now = new Date('2026-03-02T08:00:00Z');

  it('counts failures below the limit without locking', () => {
    for (let count = 0; count < MAX_FAILED_ATTEMPTS - 1; count++) {
      expect(afterFailedAttempt(count, now)).toEqual({ failedAttempts: count + 1, lockedUntil: null });
    }
  });

  it('locks for 15 minutes on the 5th consecutive failure and restarts the count', () => {
    expect(afterFailedAttempt(4, now)).toEqual({
      failedAttempts: 0,
      lockedUntil: new Date(now.getTime() + 15 * 60_000),
    });
    expect(LOCK_DURATION_MS).toBe(15 * 60_000);
  });

  it('is locked strictly before the lock end', () => {
    const until = new Date(now.getTime() + LOCK_DURATION_MS);
    expect(isLocked(until, now)).toBe(true);
    expect(isLocked(until, new Date(until.getTime() - 1))).toBe(true);
    expect(isLocked(until, until)).toBe(false);
    expect(isLocked(null, now)).toBe(false);
  });
});
