import { createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import forge from 'node-forge';
import { loadPayloadKey } from '../verification/offline-payload';
import type { RevocationSource } from './long-term-validation';
import { createEmptyCrl, longTermValidation } from './long-term-validation';
import type { SigningIdentity } from './signing-identity';
import { openSigningIdentity } from './signing-identity';

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
  /** Province (ST), as the official-use CA writes it. */
  readonly state?: string;
  /** Job title (T) of a personal certificate. */
  readonly title?: string;
  /**
   * UID (0.9.2342.19200300.100.1.1) the way Vietnamese verifiers read the holder's identifier:
   * "CCCD:<12 digits>" for a person, "MNS:<budget code>" (mã quan hệ ngân sách) for an organisation.
   */
  readonly uid?: string;
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
  add('ST', name.state);
  add('L', name.locality);
  add('O', name.organization);
  add('OU', name.organizationalUnit);
  if (name.title)
    attributes.push({
      type: '2.5.4.12',
      value: name.title.normalize('NFC'),
      valueTagClass: UTF8 as unknown as forge.asn1.Class,
    });
  add('CN', name.commonName);
  if (name.uid)
    attributes.push({
      type: '0.9.2342.19200300.100.1.1',
      value: name.uid,
      valueTagClass: UTF8 as unknown as forge.asn1.Class,
    });
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

/** The authorityKeyIdentifier extension: names `issuer` by its subject key identifier. */
function authorityKeyIdentifier(issuer: IssuedCertificate) {
  return {
    name: 'authorityKeyIdentifier',
    keyIdentifier: issuer.certificate.generateSubjectKeyIdentifier().getBytes(),
  };
}

/**
 * A new key pair and its certificate, valid from a day before `now` for `years`, signed by `issuer` (self-signed when
 * absent) with SHA-256: what every certificate of the development chains shares.
 */
function issueCertificate(
  name: DistinguishedName,
  issuer: IssuedCertificate | undefined,
  now: Date,
  years: number,
  extensions: object[],
): IssuedCertificate {
  const keys = generateRsaKeyPair();
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = keys.publicKey;
  certificate.serialNumber = serialNumber();
  certificate.validity.notBefore = new Date(now.getTime() - 24 * 3600 * 1000);
  certificate.validity.notAfter = yearsFrom(now, years);
  certificate.setSubject(toForgeAttributes(name));
  certificate.setIssuer(issuer ? issuer.certificate.subject.attributes : toForgeAttributes(name));
  certificate.setExtensions(extensions);
  certificate.sign((issuer?.keys ?? keys).privateKey, forge.md.sha256.create());
  return { certificate, keys };
}

/** A self-signed root CA: basicConstraints CA (critical), keyCertSign + cRLSign. */
export function createRootCertificate(name: DistinguishedName, now: Date = new Date()): IssuedCertificate {
  return issueCertificate(name, undefined, now, 20, [
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
}

/** A document-signing certificate: digitalSignature + nonRepudiation, issued by `issuer`. */
export function createSigningCertificate(
  name: DistinguishedName,
  issuer: IssuedCertificate,
  now: Date = new Date(),
): IssuedCertificate {
  return issueCertificate(name, issuer, now, 5, [
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    authorityKeyIdentifier(issuer),
  ]);
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
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
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

/*
 * The official-use chain (chữ ký số chuyên dùng công vụ, Nghị định 68/2024/NĐ-CP), mimicked for development:
 * a root, an issuing CA for the province, the Director's personal certificate and the organisation's.
 * Every name says PHÁT TRIỂN (development); nothing here is trusted outside the sandbox.
 */
export const DEVELOPMENT_OFFICIAL_ROOT: DistinguishedName = {
  commonName: 'Cơ quan chứng thực số chuyên dùng Chính phủ (PHÁT TRIỂN)',
  organization: 'Ban Cơ yếu Chính phủ (PHÁT TRIỂN - KHÔNG DÙNG THẬT)',
  country: 'VN',
};

export const DEVELOPMENT_PROVINCE_CA: DistinguishedName = {
  commonName: 'CA chuyên dùng tỉnh Đồng Nai (PHÁT TRIỂN)',
  organization: 'Ban Cơ yếu Chính phủ (PHÁT TRIỂN - KHÔNG DÙNG THẬT)',
  state: 'Đồng Nai',
  country: 'VN',
};

export const DEVELOPMENT_DIRECTOR: DistinguishedName = {
  commonName: 'Đặng Hữu Phước',
  title: 'Giám đốc',
  organization: 'Sở Nội vụ tỉnh Đồng Nai',
  organizationalUnit: 'PHÁT TRIỂN - KHÔNG DÙNG THẬT',
  state: 'Đồng Nai',
  uid: 'CCCD:075080000001',
  country: 'VN',
};

export const DEVELOPMENT_ORGANISATION: DistinguishedName = {
  commonName: 'Sở Nội vụ tỉnh Đồng Nai',
  organization: 'Ủy ban nhân dân tỉnh Đồng Nai',
  organizationalUnit: 'PHÁT TRIỂN - KHÔNG DÙNG THẬT',
  state: 'Đồng Nai',
  uid: 'MNS:1234567',
  country: 'VN',
};

/** A subordinate CA (pathLen 0) issued by `issuer`. */
export function createIssuingCaCertificate(
  name: DistinguishedName,
  issuer: IssuedCertificate,
  now: Date = new Date(),
  crlUrl?: string,
): IssuedCertificate {
  return issueCertificate(name, issuer, now, 10, [
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    authorityKeyIdentifier(issuer),
    ...(crlUrl ? [{ name: 'cRLDistributionPoints', altNames: [{ type: 6, value: crlUrl }] }] : []),
  ]);
}

/** A document-signing certificate with a CRL distribution point (the issuing CA's CRL). */
export function createOfficialSigningCertificate(
  name: DistinguishedName,
  issuer: IssuedCertificate,
  crlUrl: string,
  now: Date = new Date(),
  years = 3,
): IssuedCertificate {
  return issueCertificate(name, issuer, now, years, [
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'extKeyUsage', emailProtection: true },
    { name: 'subjectKeyIdentifier' },
    authorityKeyIdentifier(issuer),
    { name: 'cRLDistributionPoints', altNames: [{ type: 6, value: crlUrl }] },
  ]);
}

export interface DevelopmentOfficialChain {
  readonly signers: { readonly personal: SigningIdentity; readonly organisation: SigningIdentity };
  /** DER certificates: root, issuing CA. */
  readonly root: Buffer;
  readonly issuingCa: Buffer;
  /** The CA keys, to sign their CRLs (development only). */
  readonly issuingCaKey: KeyObject;
  readonly rootKey: KeyObject;
  readonly crlUrl: string;
  readonly dir: string;
}

const OFFICIAL_FILES = {
  personal: 'director.p12',
  organisation: 'organisation.p12',
  password: 'official.password',
  root: 'official-root.pem',
  issuingCa: 'official-issuing-ca.pem',
  issuingCaKey: 'official-issuing-ca.key.pem',
  rootKey: 'official-root.key.pem',
} as const;

const der = (certificate: forge.pki.Certificate): Buffer =>
  Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), 'binary');
const pemToDer = (pem: string): Buffer => der(forge.pki.certificateFromPem(pem));

/**
 * Development only: the official-use chain under `<dataDir>/signing/official/`, generated on first call.
 * `pkiBaseUrl` names where the sandbox publishes the CRLs (`<pkiBaseUrl>/root.crl`, `<pkiBaseUrl>/province-ca.crl`),
 * written into the certificates' CRL distribution points when the chain is generated.
 */
export function ensureDevelopmentOfficialChain(
  dataDir: string,
  pkiBaseUrl = 'http://localhost:3000/sandbox/pki',
): Promise<DevelopmentOfficialChain> {
  const crlUrl = `${pkiBaseUrl}/province-ca.crl`;
  // One generation at a time per folder in this process (concurrent callers would mix two chains).
  const key = `${dataDir}\0${crlUrl}`;
  let pending = chainsInProgress.get(key);
  if (!pending) {
    pending = openOrCreateOfficialChain(dataDir, crlUrl);
    chainsInProgress.set(key, pending);
    pending.catch(() => chainsInProgress.delete(key));
  }
  return pending;
}

const chainsInProgress = new Map<string, Promise<DevelopmentOfficialChain>>();

async function openOrCreateOfficialChain(dataDir: string, crlUrl: string): Promise<DevelopmentOfficialChain> {
  const dir = join(dataDir, 'signing', 'official');
  const file = (name: keyof typeof OFFICIAL_FILES): string => join(dir, OFFICIAL_FILES[name]);
  try {
    const password = (await readFile(file('password'), 'utf8')).trim();
    const open = async (name: 'personal' | 'organisation'): Promise<SigningIdentity> =>
      openSigningIdentity({ p12: await readFile(file(name)), password });
    const personal = await open('personal');
    return {
      signers: { personal, organisation: await open('organisation') },
      root: pemToDer(await readFile(file('root'), 'utf8')),
      issuingCa: pemToDer(await readFile(file('issuingCa'), 'utf8')),
      issuingCaKey: createPrivateKey(await readFile(file('issuingCaKey'), 'utf8')),
      rootKey: createPrivateKey(await readFile(file('rootKey'), 'utf8')),
      crlUrl,
      dir,
    };
  } catch {
    // Not there yet (or incomplete): generate below.
  }
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const root = createRootCertificate(DEVELOPMENT_OFFICIAL_ROOT);
  const province = createIssuingCaCertificate(
    DEVELOPMENT_PROVINCE_CA,
    root,
    new Date(),
    crlUrl.replace(/province-ca\.crl$/, 'root.crl'),
  );
  const director = createOfficialSigningCertificate(DEVELOPMENT_DIRECTOR, province, crlUrl);
  const organisation = createOfficialSigningCertificate(DEVELOPMENT_ORGANISATION, province, crlUrl);
  const password = randomBytes(24).toString('base64url');
  await writeFile(file('root'), forge.pki.certificateToPem(root.certificate), { mode: 0o644 });
  await writeFile(file('issuingCa'), forge.pki.certificateToPem(province.certificate), { mode: 0o644 });
  await writeSecret(file('issuingCaKey'), forge.pki.privateKeyToPem(province.keys.privateKey));
  await writeSecret(file('rootKey'), forge.pki.privateKeyToPem(root.keys.privateKey));
  await writeSecret(file('password'), `${password}\n`);
  const chain = [province.certificate, root.certificate];
  await writeSecret(file('organisation'), toPkcs12(organisation, chain, password));
  await writeSecret(file('personal'), toPkcs12(director, chain, password));
  return openOrCreateOfficialChain(dataDir, crlUrl);
}

/** The two development signers (Director, organisation) of the official-use chain. */
export async function ensureDevelopmentSigners(
  dataDir: string,
  pkiBaseUrl?: string,
): Promise<{
  readonly personal: SigningIdentity;
  readonly organisation: SigningIdentity;
  readonly payloadKey: KeyObject;
  readonly longTermValidation: (pdf: Buffer) => Promise<Buffer>;
}> {
  const chain = await ensureDevelopmentOfficialChain(dataDir, pkiBaseUrl);
  return {
    ...chain.signers,
    payloadKey: await loadPayloadKey(dataDir),
    longTermValidation: longTermValidation(developmentRevocationSource(chain)),
  };
}

/** CRLs signed on the spot by the development CAs: the root's (for the issuing CA) and the issuing CA's. */
export function developmentRevocationSource(
  chain: DevelopmentOfficialChain,
  clock: () => Date = () => new Date(),
): RevocationSource {
  let cached: { crls: Buffer[]; day: string } | undefined;
  return {
    crls: async () => {
      const now = clock();
      const day = now.toISOString().slice(0, 10);
      if (cached?.day !== day) {
        const thisUpdate = new Date(`${day}T00:00:00Z`);
        cached = {
          day,
          crls: [
            createEmptyCrl(chain.root, chain.rootKey, thisUpdate, 30),
            createEmptyCrl(chain.issuingCa, chain.issuingCaKey, thisUpdate, 7),
          ],
        };
      }
      return cached.crls;
    },
  };
}
