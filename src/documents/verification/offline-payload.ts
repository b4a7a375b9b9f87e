import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The signed payload carried in a document's QR code after the verification URL (as its fragment, so a
 * browser never sends it anywhere): the key facts of the document and an Ed25519 signature by the issuer,
 * which a phone or a bank checks with the published public key without reaching the service.
 *
 * QR text: `<verifyUrl>#v1.<base64url(facts)>.<base64url(signature)>`; facts are UTF-8 fields joined by "|":
 *
 *     1|<number>|<issued on, YYYY-MM-DD, Vietnam>|<holder's masked name>|<monthly amount, VND>|<months>|<digest>
 *
 * `digest` is base64url(SHA-256("<number>|<issued on>|<holder's full name, NFC>|<personal id>|<amount>|<months>")):
 * whoever knows the person (a bank, an employer: full name and identity number) recomputes it and so ties
 * the masked name to that person, while the QR code itself reveals neither. The signature covers the
 * UTF-8 bytes of the facts string.
 */
export interface OfflineFacts {
  readonly number: string;
  /** YYYY-MM-DD, Vietnam time. */
  readonly issuedOn: string;
  readonly maskedHolder: string;
  /** Monthly benefit in VND; 0 for a document without an amount. */
  readonly amount: number;
  /** Benefit months; 0 for a document without them. */
  readonly months: number;
  /** base64url SHA-256, see above. */
  readonly digest: string;
}

export interface HolderIdentity {
  readonly fullName: string;
  readonly personalId: string;
}

export const PAYLOAD_PREFIX = 'v1.';

const b64url = (data: Buffer): string => data.toString('base64url');

export function offlineDigest(
  facts: Pick<OfflineFacts, 'number' | 'issuedOn' | 'amount' | 'months'>,
  holder: HolderIdentity,
): string {
  const text = [
    facts.number,
    facts.issuedOn,
    holder.fullName.normalize('NFC').trim(),
    holder.personalId,
    facts.amount,
    facts.months,
  ].join('|');
  return b64url(createHash('sha256').update(text, 'utf8').digest());
}

function factsText(facts: OfflineFacts): string {
  const fields = [
    facts.number,
    facts.issuedOn,
    facts.maskedHolder,
    String(facts.amount),
    String(facts.months),
    facts.digest,
  ];
  if (fields.some((field) => field.includes('|'))) throw new RangeError('A payload field contains "|"');
  return ['1', ...fields].join('|');
}

/** `v1.<facts>.<signature>` signed with the issuer's Ed25519 key. */
export function signOfflinePayload(facts: OfflineFacts, privateKey: KeyObject): string {
  const text = Buffer.from(factsText(facts).normalize('NFC'), 'utf8');
  return `${PAYLOAD_PREFIX}${b64url(text)}.${b64url(sign(null, text, privateKey))}`;
}

export type OfflineCheck =
  | { readonly valid: true; readonly facts: OfflineFacts }
  | { readonly valid: false; readonly reason: 'malformed' | 'bad-signature' };

/** Checks a payload (or a whole QR text containing one after "#") with the issuer's public key. */
export function verifyOfflinePayload(qrTextOrPayload: string, publicKey: KeyObject): OfflineCheck {
  const hash = qrTextOrPayload.lastIndexOf('#');
  const payload = hash >= 0 ? qrTextOrPayload.slice(hash + 1) : qrTextOrPayload;
  const match = /^v1\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(payload);
  if (!match) return { valid: false, reason: 'malformed' };
  const text = Buffer.from(match[1], 'base64url');
  const signature = Buffer.from(match[2], 'base64url');
  let ok = false;
  try {
    ok = signature.length === 64 && verify(null, text, publicKey, signature);
  } catch {
    ok = false;
  }
  if (!ok) return { valid: false, reason: 'bad-signature' };
  const fields = text.toString('utf8').split('|');
  if (fields.length !== 7 || fields[0] !== '1') return { valid: false, reason: 'malformed' };
  const [, number, issuedOn, maskedHolder, amount, months, digest] = fields;
  return {
    valid: true,
    facts: { number, issuedOn, maskedHolder, amount: Number(amount), months: Number(months), digest },
  };
}

/** The public key as published (SPKI PEM) for offline verifiers. */
export function publicKeyPem(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return publicKey.export({ type: 'spki', format: 'pem' }).toString();
}

/**
 * The issuer's Ed25519 payload key: the PKCS#8 PEM at `configuredPath` (QR_SIGNING_KEY_PATH), else a
 * development key generated once under `<dataDir>/signing/qr-ed25519.pem`.
 */
export function loadPayloadKey(dataDir: string, configuredPath?: string): Promise<KeyObject> {
  const key = configuredPath ?? dataDir;
  let pending = keysInProgress.get(key);
  if (!pending) {
    pending = openPayloadKey(dataDir, configuredPath);
    keysInProgress.set(key, pending);
    pending.catch(() => keysInProgress.delete(key));
  }
  return pending;
}

const keysInProgress = new Map<string, Promise<KeyObject>>();

async function openPayloadKey(dataDir: string, configuredPath?: string): Promise<KeyObject> {
  if (configuredPath) return createPrivateKey(await readFile(configuredPath, 'utf8'));
  const dir = join(dataDir, 'signing');
  const path = join(dir, 'qr-ed25519.pem');
  try {
    return createPrivateKey(await readFile(path, 'utf8'));
  } catch {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ed25519');
    const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temporary, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    await chmod(temporary, 0o600);
    await rename(temporary, path);
    return createPrivateKey(await readFile(path, 'utf8'));
  }
}
