import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { CompactSign, CryptoKey, JWK, compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import { readOrCreateSecret } from '../identity/secrets/secret-file.store';

const ALGORITHM = 'ES256';
const TYPE = 'audit-checkpoint+jws';
const KEY_FILE = 'audit-checkpoint-key.json';

/** The head of the audit chain at one moment: how many rows, the last one's id and hash. */
export interface ChainHead {
  readonly lastId: string;
  readonly count: number;
  readonly hash: string;
}

/** A head as the service signed it, with when. */
export interface Checkpoint extends ChainHead {
  readonly signedAt: string;
}

/** Where a checkpoint was read from, so verify can say which copy holds. */
export interface StoredCheckpoint {
  readonly source: string;
  readonly jws: string;
}

/**
 * Signs and checks checkpoints with the service's audit key: ES256, generated on first start under
 * `<dataDir>/secrets/audit-checkpoint-key.json` (mode 0600) and kept apart from the database, so whoever can write
 * to the database alone cannot forge one. Separate from the access-token key: a signed checkpoint must never read as
 * a token, nor a token as a checkpoint.
 */
export class CheckpointSigner {
  private keys?: Promise<{ kid: string; privateKey: CryptoKey; publicKey: CryptoKey }>;

  constructor(private readonly dataDir: string) {}

  async sign(head: ChainHead, signedAt = new Date()): Promise<string> {
    const { kid, privateKey } = await this.key();
    const payload: Checkpoint = { ...head, signedAt: signedAt.toISOString() };
    return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader({ alg: ALGORITHM, kid, typ: TYPE })
      .sign(privateKey);
  }

  /** The signed head, or undefined when the signature, the key or the shape does not hold. */
  async open(jws: string): Promise<Checkpoint | undefined> {
    try {
      const { kid, publicKey } = await this.key();
      const header = decodeProtectedHeader(jws);
      if (header.typ !== TYPE || header.kid !== kid) return undefined;
      const { payload } = await compactVerify(jws, publicKey, { algorithms: [ALGORITHM] });
      const parsed = JSON.parse(new TextDecoder().decode(payload)) as Checkpoint;
      const valid =
        /^\d+$/.test(parsed.lastId) &&
        Number.isSafeInteger(parsed.count) &&
        /^[0-9a-f]{64}$/.test(parsed.hash) &&
        typeof parsed.signedAt === 'string';
      return valid ? parsed : undefined;
    } catch {
      return undefined;
    }
  }

  private key() {
    this.keys ??= (async () => {
      const stored = readOrCreateSecret<{ kid: string; privateJwk: JWK }>(this.dataDir, KEY_FILE, () => ({
        kid: randomUUID(),
        privateJwk: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }) as JWK,
      }));
      const privateKey = (await importJWK({ ...stored.privateJwk, alg: ALGORITHM }, ALGORITHM)) as CryptoKey;
      const { d: _d, ...publicJwk } = stored.privateJwk;
      const publicKey = (await importJWK({ ...publicJwk, alg: ALGORITHM }, ALGORITHM)) as CryptoKey;
      return { kid: stored.kid, privateKey, publicKey };
    })();
    return this.keys;
  }
}
