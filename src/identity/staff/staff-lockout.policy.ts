/** Consecutive wrong passwords that lock a staff account. */
export const MAX_FAILED_ATTEMPTS = 5;
/** How long a locked account stays locked. */
export const LOCK_DURATION_MS = 15 * 60 * 1000;

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

/**
 * State after one more wrong password. Reaching the limit locks the account and restarts the count, so after the
 * lock ends the user again has the full number of attempts. Attempts during a lock are not counted (the password
 * is not even checked), so an attacker cannot keep an account locked forever faster than once per 15 minutes.
 */
export function afterFailedAttempt(
  failedAttempts: number,
  now: Date,
): { failedAttempts: number; lockedUntil: Date | null } {
  const count = failedAttempts + 1;
  return count >= MAX_FAILED_ATTEMPTS
    ? { failedAttempts: 0, lockedUntil: new Date(now.getTime() + LOCK_DURATION_MS) }
    : { failedAttempts: count, lockedUntil: null };
}
