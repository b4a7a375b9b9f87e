import { readFileSync, statSync, writeFileSync, mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignPdf } from '@signpdf/signpdf';
import forge from 'node-forge';
import { DOCUMENT_KINDS } from '../document-kind';
import { issueSignedDocument } from '../issue-signed-document';
import { renderDocument } from '../rendering/document.renderer';
import { runTool } from '../../../test/support/debian-tools';
import { SAMPLE_DOCUMENTS, SAMPLE_ISSUER } from '../../../test/support/sample-documents.fixture';
import { CadesSigner } from './cades.signer';
import { CMS_OID } from './cades-signed-data.builder';
import { derOid } from './der-encoding';
import {
  DEVELOPMENT_ROOT_NAME,
  DEVELOPMENT_SIGNER_NAME,
  ensureDevelopmentSigningCredentials,
} from './development-credentials';
import { signPdf } from './pdf.signer';
import type { SigningCredentials } from './signing-identity';
import { openSigningIdentity } from './signing-identity';

/** Byte ranges and CMS of the (single) signature of a PDF made here. */
function signatureOf(pdf: Buffer): { ranges: number[]; cms: Buffer } {
  const text = pdf.toString('latin1');
  const match = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\s*\]/.exec(text);
  if (!match) throw new Error('no ByteRange');
  const ranges = match.slice(1).map(Number);
  const hex = text.slice(ranges[1] + 1, ranges[2] - 1).replace(/(00)+$/, '');
  return { ranges, cms: Buffer.from(hex, 'hex') };
}

describe('PAdES signing with development credentials', () => {
  let dir: string;
  let nssDir: string;
  let credentials: SigningCredentials;
  let rootPemPath: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'documents-sign-'));
    const generated = await ensureDevelopmentSigningCredentials(join(dir, 'data'));
    credentials = { p12: readFileSync(generated.p12Path), password: generated.password };
    rootPemPath = generated.rootCaPemPath;
    nssDir = join(dir, 'nss');
    mkdirSync(nssDir);
    const created = await runTool('certutil', ['-N', '--empty-password', '-d', `sql:${nssDir}`]);
    expect(created.code).toBe(0);
    const imported = await runTool('certutil', [
      '-A',
      '-n',
      'root',
      '-t',
      'CT,C,C',
      '-i',
      rootPemPath,
      '-d',
      `sql:${nssDir}`,
    ]);
    expect(imported.code).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function write(name: string, pdf: Buffer): string {
    const path = join(dir, `${name}.pdf`);
    writeFileSync(path, pdf);
    return path;
  }

  it('stores the generated material under <dataDir>/signing with a 0600 password file, and reuses it', async () => {
    const first = await ensureDevelopmentSigningCredentials(join(dir, 'data'));
    expect(first.p12Path).toBe(join(dir, 'data', 'signing', 'development-signer.p12'));
    expect(statSync(first.p12Path).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'data', 'signing', 'development-signer.password')).mode & 0o777).toBe(0o600);
    expect(readFileSync(first.p12Path).equals(credentials.p12)).toBe(true);
    expect(first.password).toBe(credentials.password);
  });

  it('issues certificates with Vietnamese names as UTF8String, RSA-2048, SHA-256 and signing key usages', () => {
    const root = forge.pki.certificateFromPem(readFileSync(rootPemPath, 'utf8'));
    const identity = openSigningIdentity(credentials);
    expect(identity.signerName).toBe(DEVELOPMENT_SIGNER_NAME.commonName);
    const signer = forge.pki.certificateFromAsn1(forge.asn1.fromDer(identity.certificates[0].toString('binary')));
    const decode = (value: unknown): string => forge.util.decodeUtf8(String(value));
    expect(decode(signer.issuer.getField('CN').value)).toBe(DEVELOPMENT_ROOT_NAME.commonName);
    expect(decode(signer.subject.getField('O').value)).toBe('Ủy ban nhân dân tỉnh Đồng Nai');
    expect(signer.subject.getField('CN').valueTagClass).toBe(forge.asn1.Type.UTF8);
    expect(signer.siginfo.algorithmOid).toBe(forge.pki.oids.sha256WithRSAEncryption);
    expect((signer.publicKey as forge.pki.rsa.PublicKey).n.bitLength()).toBe(2048);
    const keyUsage = signer.getExtension('keyUsage') as {
      digitalSignature: boolean;
      nonRepudiation: boolean;
      keyCertSign: boolean;
    };
    expect(keyUsage).toMatchObject({ digitalSignature: true, nonRepudiation: true, keyCertSign: false });
    expect(root.verify(signer)).toBe(true);
  });

  it.each(DOCUMENT_KINDS)('signs %s validly, trusted through the development root CA', async (kind) => {
    const { pdf, sha256 } = await issueSignedDocument(
      kind,
      SAMPLE_DOCUMENTS[kind] as never,
      SAMPLE_ISSUER,
      credentials,
    );
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    const path = write(`signed-${kind}`, pdf);

    const plain = await runTool('pdfsig', [path]);
    expect(plain.stdout).toContain('Signature is Valid.');
    expect(plain.stdout).toContain('Signature Type: ETSI.CAdES.detached');
    expect(plain.stdout).toContain(`Signer Certificate Common Name: ${DEVELOPMENT_SIGNER_NAME.commonName}`);
    expect(plain.stdout).toContain('Total document signed');

    const trusted = await runTool('pdfsig', ['-nssdir', `sql:${nssDir}`, path]);
    expect(trusted.stdout).toContain('Signature is Valid.');
    expect(trusted.stdout).toContain('Certificate is Trusted.');
  });

  it('carries contentType, messageDigest, signingTime and ESS signing-certificate-v2 over the signer certificate', async () => {
    const signingTime = new Date('2026-11-26T03:05:00Z');
    const unsigned = await renderDocument('decision-approval', SAMPLE_DOCUMENTS['decision-approval'], SAMPLE_ISSUER);
    const { cms } = signatureOf(await signPdf(unsigned, credentials, { signingTime }));
    for (const oid of [CMS_OID.contentType, CMS_OID.messageDigest, CMS_OID.signingTime, CMS_OID.signingCertificateV2]) {
      expect(cms.includes(derOid(oid))).toBe(true);
    }
    const certificateHash = forge.md.sha256.create();
    certificateHash.update(openSigningIdentity(credentials).certificates[0].toString('binary'));
    expect(cms.includes(Buffer.from(certificateHash.digest().toHex(), 'hex'))).toBe(true);
    expect(cms.includes(Buffer.from('261126030500Z', 'ascii'))).toBe(true);
  });

  it('reports a signature as invalid after one byte inside the signed range changes', async () => {
    const { pdf } = await issueSignedDocument(
      'decision-approval',
      SAMPLE_DOCUMENTS['decision-approval'],
      SAMPLE_ISSUER,
      credentials,
    );
    const { ranges } = signatureOf(pdf);
    const tampered = Buffer.from(pdf);
    // A byte inside a compressed font stream of the first range: the file still parses, the digest no longer matches.
    const offset = Math.floor(ranges[1] / 2);
    tampered[offset] ^= 0x01;
    const result = await runTool('pdfsig', [write('tampered', tampered)]);
    expect(result.stdout).not.toContain('Signature is Valid.');
    expect(result.stdout).toMatch(/Signature is Invalid|Digest Mismatch/);

    const afterSignature = Buffer.from(pdf);
    afterSignature[ranges[2] + 10] ^= 0x01;
    const second = await runTool('pdfsig', [write('tampered-tail', afterSignature)]);
    expect(second.stdout).not.toContain('Signature is Valid.');
  });

  it('does not trust a chain whose root was not imported', async () => {
    const otherDir = join(dir, 'nss-empty');
    mkdirSync(otherDir);
    await runTool('certutil', ['-N', '--empty-password', '-d', `sql:${otherDir}`]);
    const { pdf } = await issueSignedDocument('receipt', SAMPLE_DOCUMENTS.receipt, SAMPLE_ISSUER, credentials);
    const result = await runTool('pdfsig', ['-nssdir', `sql:${otherDir}`, write('untrusted', pdf)]);
    expect(result.stdout).toContain('Signature is Valid.');
    expect(result.stdout).not.toContain('Certificate is Trusted.');
  });

  it("writes the same bytes as @signpdf's SignPdf with the same signer, in one copy of the PDF", async () => {
    const identity = openSigningIdentity(credentials);
    const signingTime = new Date('2026-03-02T03:04:05Z');
    const unsigned = await renderDocument('decision-approval', SAMPLE_DOCUMENTS['decision-approval'], SAMPLE_ISSUER);
    const copy = Buffer.from(unsigned);
    const reference = await new SignPdf().sign(unsigned, new CadesSigner(identity), signingTime);
    const signed = await signPdf(unsigned, identity, { signingTime });
    expect(signed.equals(reference)).toBe(true);
    // The input is left as it was.
    expect(unsigned.equals(copy)).toBe(true);
  });

  it('refuses to sign twice with one signer', async () => {
    const signer = new CadesSigner(openSigningIdentity(credentials));
    await signer.sign(Buffer.from('first'));
    await expect(signer.sign(Buffer.from('second'))).rejects.toThrow(/one document/);
  });
});
