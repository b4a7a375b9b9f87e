import { createHash, createPrivateKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import forge from 'node-forge';

/** A PKCS#12 file and its password, as stored by the deployment (or by the development generator). */
export interface SigningCredentials {
  readonly p12: Buffer;
  readonly password: string;
}

/**
 * A signing key and its certificate chain: a PKCS#12 file opened here (`privateKey`), or a key held elsewhere
 * (a remote signing service, an HSM) reached through `sign`.
 */
export interface SigningIdentity {
  /** The local key of a PKCS#12 identity. */
  readonly privateKey?: KeyObject;
  /** Signs `data` with RSA PKCS#1 v1.5 and SHA-256 where the key lives (remote identities). */
  readonly sign?: (data: Buffer) => Promise<Buffer>;
  /** Signer certificate first, then the rest of the chain. DER. */
  readonly certificates: readonly Buffer[];
  /** Subject common name of the signer certificate. */
  readonly signerName: string;
}

const BAG = forge.pki.oids;

function certificateDer(certificate: forge.pki.Certificate): Buffer {
  return Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), 'binary');
}

/**
 * Opens a PKCS#12 file. Certificates are taken in their original DER: forge keeps the parsed
 * tbsCertificate ASN.1 and writes it back unchanged, so names are never re-encoded.
 */
export function openSigningIdentity(credentials: SigningCredentials): SigningIdentity {
  const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(credentials.p12.toString('binary')), credentials.password);
  const keyBags = [
    ...(p12.getBags({ bagType: BAG.pkcs8ShroudedKeyBag })[BAG.pkcs8ShroudedKeyBag] ?? []),
    ...(p12.getBags({ bagType: BAG.keyBag })[BAG.keyBag] ?? []),
  ];
  const keyBag = keyBags.find((bag) => bag.key);
  if (!keyBag?.key) throw new Error('The PKCS#12 file holds no private key');
  const privateKey = createPrivateKey(forge.pki.privateKeyToPem(keyBag.key));

  const certBags = p12.getBags({ bagType: BAG.certBag })[BAG.certBag] ?? [];
  const entries = certBags.flatMap((bag) => {
    if (!bag.cert) return [];
    return [{ cert: bag.cert, der: certificateDer(bag.cert) }];
  });
  const publicKeyPem = forge.pki.publicKeyToPem(forge.pki.setRsaPublicKey(keyBag.key.n, keyBag.key.e));
  const signer = entries.find((entry) => forge.pki.publicKeyToPem(entry.cert.publicKey) === publicKeyPem);
  if (!signer) throw new Error('The PKCS#12 file holds no certificate for its private key');
  const chain = entries.filter((entry) => entry !== signer);
  const commonName = signer.cert.subject.getField('CN') as { value?: string } | null;
  return {
    privateKey,
    certificates: [signer.der, ...chain.map((entry) => entry.der)],
    signerName: decodeForgeString(commonName?.value ?? ''),
  };
}

/** forge returns parsed attribute values as binary strings (UTF-8 bytes for UTF8String). */
function decodeForgeString(value: string): string {
  try {
    return /[\u0080-\u00ff]/.test(value) && !/[\u0100-\uffff]/.test(value) ? forge.util.decodeUtf8(value) : value;
  } catch {
    return value;
  }
}

const identityCache = new Map<string, SigningIdentity>();
const identityByCredentials = new WeakMap<SigningCredentials, SigningIdentity>();

/**
 * Opens a PKCS#12 once per (file, password) per process: decryption costs far more than signing. The same
 * credentials object is recognised without hashing the file again.
 */
export function cachedSigningIdentity(credentials: SigningCredentials): SigningIdentity {
  const known = identityByCredentials.get(credentials);
  if (known) return known;
  const key = createHash('sha256').update(credentials.p12).update('\0').update(credentials.password).digest('hex');
  let identity = identityCache.get(key);
  if (!identity) {
    identity = openSigningIdentity(credentials);
    identityCache.set(key, identity);
  }
  identityByCredentials.set(credentials, identity);
  return identity;
}
