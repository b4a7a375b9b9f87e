import { randomBytes } from 'node:crypto';
import { readOrCreateSecret } from '../../identity/secrets/secret-file.store';

export const SANDBOX_SOCIAL_INSURANCE_CLIENT_ID = 'bhxh-sandbox';

/** Credentials of the sandbox social insurance office, generated on first start under `<dataDir>/secrets/`. */
export function sandboxSocialInsuranceClient(dataDir: string): { clientId: string; clientSecret: string } {
  const { clientSecret } = readOrCreateSecret<{ clientSecret: string }>(
    dataDir,
    'sandbox-social-insurance-client.json',
    () => ({ clientSecret: randomBytes(32).toString('base64url') }),
  );
  return { clientId: SANDBOX_SOCIAL_INSURANCE_CLIENT_ID, clientSecret };
}

export const SANDBOX_SOCIAL_INSURANCE_CLIENT = Symbol('SANDBOX_SOCIAL_INSURANCE_CLIENT');
