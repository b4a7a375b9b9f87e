import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { exportJWK, type JWK } from 'jose';

/** This province's key for signing transfer packages (ES256), and its public half as published to peers. */
export interface TransferSigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** RFC 7638 thumbprint-style id: sha256 of the SPKI, base64url. */
  readonly kid: string;
}

/**
 * Reads `TRANSFER_SIGNING_KEY_PATH` (PKCS#8 PEM, P-256) or, unset (sandbox, or a single instance), a key generated
 * once under `DATA_DIR`. A production deployment of several instances sets the path so all sign with one key.
 */
export function loadTransferSigningKey(path: string | undefined, dataDir: string): TransferSigningKey {
  const file = path ?? join(dataDir, 'transfer-signing-key.pem');
  if (!path && !existsSync(file)) {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  }
  const privateKey = createPrivateKey(readFileSync(file));
  if (privateKey.asymmetricKeyType !== 'ec' || privateKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1')
    throw new Error(`${file}: the transfer signing key must be an EC P-256 private key`);
  const publicKey = createPublicKey(privateKey);
  const kid = createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64url');
  return { privateKey, publicKey, kid };
}

/** The JWK Set peers fetch to verify our packages. */
export async function publicJwks(key: TransferSigningKey): Promise<{ keys: JWK[] }> {
  return { keys: [{ ...(await exportJWK(key.publicKey)), kid: key.kid, alg: 'ES256', use: 'sig' }] };
}
