import { AccessTokenService } from '../../src/identity';
import { citizenPrincipal, staffPrincipal, StaffRole } from '../../src/identity/principal';
import { DataSource } from 'typeorm';
import { ensureStaffAccount } from './staff-accounts';
import { TestApp } from './test-app';

/**
 * Bearer tokens signed by the running app's own key (the real OIDC login is covered by identity-login.e2e.spec.ts;
 * other suites mint tokens directly to stay fast).
 */
export async function citizenBearer(t: TestApp, personalId: string, fullName?: string): Promise<string> {
  const issued = await t.app
    .get(AccessTokenService)
    .issue(citizenPrincipal(personalId, fullName), { use: 'bearer', ttlSeconds: 3600 });
  return issued.accessToken;
}

export async function staffBearer(
  t: TestApp,
  username: string,
  role: StaffRole,
  centerCode: string | null,
  fullName = username,
): Promise<string> {
  await ensureStaffAccount(t.app.get(DataSource), { username, fullName, role, centerCode });
  const issued = await t.app
    .get(AccessTokenService)
    .issue(staffPrincipal({ username, fullName, role, centerCode }), { use: 'bearer', ttlSeconds: 3600 });
  return issued.accessToken;
}

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
