import type { IdentityOptions } from '../identity-options';
import type { StaffRole } from '../principal';

/** Roles that must always sign in with a second factor, whatever `STAFF_TWO_FACTOR_ROLES` says. */
export const ALWAYS_TWO_FACTOR: readonly StaffRole[] = ['director', 'admin'];

/**
 * Whether an account must use two-factor sign-in: its role is in `STAFF_TWO_FACTOR_ROLES` (always the Director and
 * administrators). Sandbox accounts are exempt: their passwords are published for testers, a second factor would
 * protect nothing, and scripts log in with `{username, password}` alone.
 */
export function twoFactorRequired(
  options: Pick<IdentityOptions, 'twoFactorRoles'>,
  account: { role: StaffRole; sandbox: boolean },
): boolean {
  if (account.sandbox) return false;
  return ALWAYS_TWO_FACTOR.includes(account.role) || (options.twoFactorRoles ?? []).includes(account.role);
}
