import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { EidClientSettings } from '../../identity/eid/eid-client-settings';
import { readOrCreateSecret } from '../../identity/secrets/secret-file.store';
import { Runtime } from '../../platform/embedded/runtime';

/** Served by this process under this path when `EID_ISSUER` is unset. */
export const SANDBOX_EID_MOUNT = '/sandbox/eid';
export const SANDBOX_EID_CLIENT_ID = 'tro-cap-that-nghiep-sandbox';

/** Generated on first start under `<dataDir>/secrets/sandbox-eid.json` (mode 0600). */
export interface SandboxEidSecrets {
  readonly clientSecret: string;
  readonly cookieKey: string;
  /** RS256 private key signing the sandbox ID tokens. */
  readonly signingJwk: Record<string, unknown>;
}

export function sandboxEidSecrets(dataDir: string): SandboxEidSecrets {
  return readOrCreateSecret<SandboxEidSecrets>(dataDir, 'sandbox-eid.json', () => ({
    clientSecret: randomBytes(32).toString('base64url'),
    cookieKey: randomBytes(32).toString('base64url'),
    signingJwk: {
      ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
      kid: randomUUID(),
      alg: 'RS256',
      use: 'sig',
    },
  }));
}

/**
 * The relying-party settings that point our production e-ID client at the sandbox provider: issuer on the public
 * base URL (what browsers see), server-to-server calls through this process's own address.
 */
export function sandboxEidClientSettings(runtime: Runtime): EidClientSettings {
  const { publicBaseUrl, dataDir } = runtime.config;
  const issuer = publicBaseUrl + SANDBOX_EID_MOUNT;
  return {
    issuer,
    clientId: SANDBOX_EID_CLIENT_ID,
    clientSecret: sandboxEidSecrets(dataDir).clientSecret,
    redirectUri: `${publicBaseUrl}/auth/eid/callback`,
    scope: 'openid profile',
    subjectClaim: 'sub',
    reachVia: { from: issuer, to: runtime.selfUrl + SANDBOX_EID_MOUNT },
    label: 'e-ID SANDBOX',
  };
}
