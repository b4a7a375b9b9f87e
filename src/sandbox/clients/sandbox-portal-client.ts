import { randomBytes } from 'node:crypto';
import { readOrCreateSecret } from '../../identity/secrets/secret-file.store';

export const SANDBOX_PORTAL_CLIENT_ID = 'portal-sandbox';

/** Credentials of the sandbox portal client, generated on first start under `<dataDir>/secrets/` (mode 0600). */
export function sandboxPortalClient(dataDir: string): { clientId: string; clientSecret: string } {
  const { clientSecret } = readOrCreateSecret<{ clientSecret: string }>(dataDir, 'sandbox-portal-client.json', () => ({
    clientSecret: randomBytes(32).toString('base64url'),
  }));
  return { clientId: SANDBOX_PORTAL_CLIENT_ID, clientSecret };
}

export const SANDBOX_PORTAL_CLIENT = Symbol('SANDBOX_PORTAL_CLIENT');
