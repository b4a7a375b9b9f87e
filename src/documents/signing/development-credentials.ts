import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import forge from 'node-forge';

/** Where the development signing material lives and how to open it. */
export interface DevelopmentSigningCredentials {
  readonly p12Path: string;
  readonly password: string;
  readonly rootCaPemPath: string;
}

/** Distinguished name attributes; values may contain Vietnamese diacritics (encoded as UTF8String). */
export interface DistinguishedName {
  readonly commonName: string;
  readonly organization: string;
  readonly organizationalUnit?: string;
  readonly locality?: string;
  readonly country: string;
}

export const DEVELOPMENT_ROOT_NAME: DistinguishedName = {
  commonName: 'CA Phát triển – Dịch vụ công Trợ cấp thất nghiệp',
  organization: 'Môi trường phát triển – không dùng thật',
  country: 'VN',
};

export const DEVELOPMENT_SIGNER_NAME: DistinguishedName = {
  commonName: 'Sở Nội vụ tỉnh Đồng Nai (PHÁT TRIỂN - KHÔNG DÙNG THẬT)',
  organization: 'Ủy ban nhân dân tỉnh Đồng Nai',
  locality: 'Đồng Nai',
  country: 'VN',
};

const FILES = {
  p12: 'development-signer.p12',
  password: 'development-signer.password',
  rootPem: 'development-root-ca.pem',
} as const;

const UTF8 = forge.asn1.Type.UTF8;

function toForgeAttributes(name: DistinguishedName): forge.pki.CertificateField[] {
  const attributes: forge.pki.CertificateField[] = [
    {
      shortName: 'C',
      value: name.country,
      valueTagClass: forge.asn1.Type.PRINTABLESTRING as unknown as forge.asn1.Class,
    },
  ];
  const add = (shortName: string, value: string | undefined): void => {
    if (value)
      attributes.push({ shortName, value: value.normalize('NFC'), valueTagClass: UTF8 as unknown as forge.asn1.Class });
  };
  add('L', name.locality);
  add('O', name.organization);
  add('OU', name.organizationalUnit);
  add('CN', name.commonName);
  return attributes;
}

function serialNumber(): string {
  // Positive, 16 bytes.
  return `01${randomBytes(15).toString('hex')}`;
}

interface KeyPair {
  readonly publicKey: forge.pki.rsa.PublicKey;
  readonly privateKey: forge.pki.rsa.PrivateKey;
}

/** RSA-2048 with Node's native generator (forge's pure-JS one takes seconds). */
function generateRsaKeyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return {
    publicKey: forge.pki.publicKeyFromPem(publicKey) as forge.pki.rsa.PublicKey,
    privateKey: forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey,
  };
}

export interface IssuedCertificate {
  readonly certificate: forge.pki.Certificate;
  readonly keys: KeyPair;
}

function yearsFrom(now: Date, years: number): Date {
  const date = new Date(now);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date;
}

/** A self-signed root CA: basicConstraints CA (critical), keyCertSign + cRLSign. */
export function createRootCertificate(name: DistinguishedName, now: Date = new Date()): IssuedCertificate {
  const keys = generateRsaKeyPair();
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = keys.publicKey;
  certificate.serialNumber = serialNumber();
  certificate.validity.notBefore = new Date(now.getTime() - 24 * 3600 * 1000);
  certificate.validity.notAfter = yearsFrom(now, 20);
  certificate.setSubject(toForgeAttributes(name));
  certificate.setIssuer(toForgeAttributes(name));
  certificate.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  certificate.sign(keys.privateKey, forge.md.sha256.create());
  return { certificate, keys };
}

/** A document-signing certificate: digitalSignature + nonRepudiation, issued by `issuer`. */
export function createSigningCertificate(
  name: DistinguishedName,
  issuer: IssuedCertificate,
  now: Date = new Date(),
): IssuedCertificate {
  const keys = generateRsaKeyPair();
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = keys.publicKey;
  certificate.serialNumber = serialNumber();
  certificate.validity.notBefore = new Date(now.getTime() - 24 * 3600 * 1000);
  certificate.validity.notAfter = yearsFrom(now, 5);
  certificate.setSubject(toForgeAttributes(name));
  certificate.setIssuer(issuer.certificate.subject.attributes);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    {
      name: 'authorityKeyIdentifier',
      keyIdentifier: issuer.certificate.generateSubjectKeyIdentifier().getBytes(),
    },
  ]);
  certificate.sign(issuer.keys.privateKey, forge.md.sha256.create());
  return { certificate, keys };
}

/** PKCS#12 (3DES, SHA-256 MAC) with the key, the signing certificate and its chain. */
export function toPkcs12(signer: IssuedCertificate, chain: readonly forge.pki.Certificate[], password: string): Buffer {
  const asn1 = forge.pkcs12.toPkcs12Asn1(signer.keys.privateKey, [signer.certificate, ...chain], password, {
    algorithm: '3des',
    friendlyName: 'development-signer',
  });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

async function readIfComplete(dir: string): Promise<DevelopmentSigningCredentials | undefined> {
  try {
    const password = (await readFile(join(dir, FILES.password), 'utf8')).trim();
    await readFile(join(dir, FILES.p12));
    await readFile(join(dir, FILES.rootPem));
    if (!password) return undefined;
    return { p12Path: join(dir, FILES.p12), password, rootCaPemPath: join(dir, FILES.rootPem) };
  } catch {
    return undefined;
  }
}

async function writeSecret(path: string, content: string | Buffer): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, content, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, path);
}

/**
 * Development only: returns a root CA and an authority signing certificate under `<dataDir>/signing/`,
 * generating them on the first call (password in a 0600 file, never in the repository).
 */
export async function ensureDevelopmentSigningCredentials(
  dataDir: string,
  names: { readonly root?: DistinguishedName; readonly signer?: DistinguishedName } = {},
): Promise<DevelopmentSigningCredentials> {
  const dir = join(dataDir, 'signing');
  const existing = await readIfComplete(dir);
  if (existing) return existing;
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const root = createRootCertificate(names.root ?? DEVELOPMENT_ROOT_NAME);
  const signer = createSigningCertificate(names.signer ?? DEVELOPMENT_SIGNER_NAME, root);
  const password = randomBytes(24).toString('base64url');
  await writeFile(join(dir, FILES.rootPem), forge.pki.certificateToPem(root.certificate), { mode: 0o644 });
  await writeSecret(join(dir, FILES.password), `${password}\n`);
  // The PKCS#12 is written last: its presence marks a complete set.
  await writeSecret(join(dir, FILES.p12), toPkcs12(signer, [root.certificate], password));
  return { p12Path: join(dir, FILES.p12), password, rootCaPemPath: join(dir, FILES.rootPem) };
}
