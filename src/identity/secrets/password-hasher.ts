import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface ScryptCost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/**
 * scrypt's "interactive login" cost (N = 2^14, r = 8, p = 1: 16 MiB; ~50 ms on a server core, ~300 ms on the
 * slow 2-core test machines). Stored in each hash, so it can be raised later without invalidating old hashes.
 */
export const PASSWORD_COST: ScryptCost = { N: 1 << 14, r: 8, p: 1 };

/**
 * For secrets that are public anyway (sandbox staff passwords and the sandbox portal secret are listed by
 * /sandbox/staff and /sandbox/clients): hashing them expensively protects nothing and slows every start.
 */
export const PUBLISHED_SECRET_COST: ScryptCost = { N: 1 << 10, r: 8, p: 1 };
const KEY_LENGTH = 32;

function derive(secret: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(secret.normalize('NFC'), salt, KEY_LENGTH, { ...cost, maxmem: 256 * cost.N * cost.r }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** `scrypt$N$r$p$<salt base64url>$<hash base64url>`, with a fresh 16-byte salt per secret. */
export async function hashSecret(secret: string, cost: ScryptCost = PASSWORD_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(secret, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Constant-time comparison; `false` for a malformed stored hash. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > 1 << 20) return false;
  const salt = Buffer.from(parts[4], 'base64url');
  const expected = Buffer.from(parts[5], 'base64url');
  if (expected.length !== KEY_LENGTH) return false;
  const actual = await derive(secret, salt, { N, r, p });
  return timingSafeEqual(actual, expected);
}

/** A hash of nothing in particular, to spend the same time when the account does not exist. */
let decoy: Promise<string> | undefined;
export async function spendVerificationTime(secret: string): Promise<void> {
  decoy ??= hashSecret(randomBytes(16).toString('hex'));
  await verifySecret(secret, await decoy);
}
