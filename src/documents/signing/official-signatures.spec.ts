import { createHash, createPublicKey, webcrypto } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import forge from 'node-forge';
import * as pkijs from 'pkijs';
import { issueSignedDocument } from '../issue-signed-document';
import { runTool } from '../../../test/support/debian-tools';
import { SAMPLE_DOCUMENTS, SAMPLE_ISSUER } from '../../../test/support/sample-documents.fixture';
import { publicKeyPem, verifyOfflinePayload } from '../verification/offline-payload';
import { SandboxTimestampAuthority } from '../../sandbox/tsa/sandbox-timestamp-authority';
import {
  DEVELOPMENT_DIRECTOR,
  DEVELOPMENT_ORGANISATION,
  ensureDevelopmentOfficialChain,
  ensureDevelopmentSigners,
} from './development-credentials';
import { signatureContents } from './long-term-validation';

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto }));

const TIMESTAMP_TOKEN = '1.2.840.113549.1.9.16.2.14';

function pem(der: Buffer): string {
  return forge.pki.certificateToPem(forge.pki.certificateFromAsn1(forge.asn1.fromDer(der.toString('binary'))));
}

function toArrayBuffer(data: Buffer): ArrayBuffer {
  return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
}

function signedDataOf(der: Buffer): pkijs.SignedData {
  const contentInfo = new pkijs.ContentInfo({ schema: asn1js.fromBER(toArrayBuffer(der)).result });
  return new pkijs.SignedData({ schema: contentInfo.content });
}

describe('decisions signed with official-use certificates (Nghị định 68/2024), timestamps and B-LT', () => {
  let dir: string;
  let nssDir: string;
  let signers: Awaited<ReturnType<typeof ensureDevelopmentSigners>>;
  let tsa: SandboxTimestampAuthority;
  let decision: Buffer;
  let decisionPath: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'documents-official-'));
    signers = await ensureDevelopmentSigners(join(dir, 'data'));
    tsa = new SandboxTimestampAuthority();
    const chain = await ensureDevelopmentOfficialChain(join(dir, 'data'));
    nssDir = join(dir, 'nss');
    mkdirSync(nssDir);
    expect((await runTool('certutil', ['-N', '--empty-password', '-d', `sql:${nssDir}`])).code).toBe(0);
    writeFileSync(join(dir, 'root.pem'), pem(chain.root));
    const imported = await runTool('certutil', [
      '-A',
      '-n',
      'root',
      '-t',
      'CT,C,C',
      '-i',
      join(dir, 'root.pem'),
      '-d',
      `sql:${nssDir}`,
    ]);
    expect(imported.code).toBe(0);
    ({ pdf: decision } = await issueSignedDocument(
      'decision-approval',
      { ...SAMPLE_DOCUMENTS['decision-approval'], documentNumber: '7' },
      SAMPLE_ISSUER,
      { ...signers, timestamps: tsa },
    ));
    decisionPath = join(dir, 'decision.pdf');
    writeFileSync(decisionPath, decision);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('pdfsig finds two valid, trusted signatures: the Director first, the organisation second', async () => {
    const result = await runTool('pdfsig', ['-nssdir', `sql:${nssDir}`, decisionPath]);
    const blocks = result.stdout.split(/Signature #\d+:/).slice(1);
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toContain(`Signer Certificate Common Name: ${DEVELOPMENT_DIRECTOR.commonName}`);
    expect(blocks[0]).toContain('UID=CCCD:075080000001');
    expect(blocks[1]).toContain(`Signer Certificate Common Name: ${DEVELOPMENT_ORGANISATION.commonName}`);
    expect(blocks[1]).toContain('UID=MNS:1234567');
    for (const block of blocks) {
      expect(block).toContain('Signature Type: ETSI.CAdES.detached');
      expect(block).toContain('Signing Time: Nov 26 2026 03:00:00');
      expect(block).toContain('Signature Validation: Signature is Valid.');
      expect(block).toContain('Certificate Validation: Certificate is Trusted.');
    }
  });

  it('carries an RFC 3161 timestamp over each signature value (checked with pkijs and with openssl ts)', async () => {
    const contents = signatureContents(decision);
    expect(contents).toHaveLength(2);
    writeFileSync(join(dir, 'tsa-root.pem'), pem(Buffer.from(tsa.material.certificates[1])));
    writeFileSync(join(dir, 'tsa.pem'), pem(Buffer.from(tsa.material.certificates[0])));
    for (const [index, cms] of contents.entries()) {
      const signerInfo = signedDataOf(cms).signerInfos[0];
      const attribute = signerInfo.unsignedAttrs?.attributes.find((item) => item.type === TIMESTAMP_TOKEN);
      expect(attribute).toBeDefined();
      const tokenDer = Buffer.from(attribute!.values[0].toBER(false));
      const token = signedDataOf(tokenDer);
      expect(token.encapContentInfo.eContentType).toBe(pkijs.id_eContentType_TSTInfo);
      const tstInfo = new pkijs.TSTInfo({
        schema: asn1js.fromBER(token.encapContentInfo.eContent!.getValue()).result,
      });
      const signatureValue = Buffer.from(signerInfo.signature.valueBlock.valueHexView);
      const imprint = Buffer.from(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView);
      expect(imprint.equals(createHash('sha256').update(signatureValue).digest())).toBe(true);
      // pkijs checks the token's signature and that its imprint is the digest of the given data.
      expect(await token.verify({ signer: 0, data: toArrayBuffer(signatureValue), checkChain: false })).toBe(true);

      const tokenPath = join(dir, `token-${index}.der`);
      writeFileSync(tokenPath, tokenDer);
      const openssl = await runTool('openssl', [
        'ts',
        '-verify',
        '-token_in',
        '-in',
        tokenPath,
        '-digest',
        createHash('sha256').update(signatureValue).digest('hex'),
        '-CAfile',
        join(dir, 'tsa-root.pem'),
        '-untrusted',
        join(dir, 'tsa.pem'),
      ]);
      expect(openssl.stdout).toContain('Verification: OK');
    }
  });

  it('keeps the chain and the CRLs in the document security store (PAdES B-LT)', async () => {
    const text = decision.toString('latin1');
    const dssRef = /\/DSS (\d+) 0 R/.exec(text.slice(text.lastIndexOf('/Type /Catalog')));
    expect(dssRef).not.toBeNull();
    const dss = new RegExp(
      `\\n${dssRef![1]} 0 obj\\n<<\\n/Type /DSS\\n/Certs \\[([^\\]]*)\\]\\n/CRLs \\[([^\\]]*)\\]`,
    ).exec(text);
    expect(dss).not.toBeNull();
    const refs = (list: string): number[] => [...list.matchAll(/(\d+) 0 R/g)].map((match) => Number(match[1]));
    const streamOf = (id: number): Buffer => {
      const start = text.lastIndexOf(`\n${id} 0 obj\n`);
      const length = Number(/\/Length (\d+)/.exec(text.slice(start, start + 100))![1]);
      const data = text.indexOf('stream\n', start) + 'stream\n'.length;
      return decision.subarray(data, data + length);
    };
    const certificates = refs(dss![1]).map(streamOf);
    const subjects = certificates.map((der) =>
      forge.util.decodeUtf8(
        String(forge.pki.certificateFromAsn1(forge.asn1.fromDer(der.toString('binary'))).subject.getField('CN').value),
      ),
    );
    expect(subjects).toEqual(
      expect.arrayContaining([DEVELOPMENT_DIRECTOR.commonName, DEVELOPMENT_ORGANISATION.commonName]),
    );
    expect(subjects.some((cn) => cn.includes('Time-Stamping'))).toBe(true);
    const crls = refs(dss![2]).map(streamOf);
    expect(crls).toHaveLength(2);
    const chain = await ensureDevelopmentOfficialChain(join(dir, 'data'));
    writeFileSync(join(dir, 'ca.pem'), pem(chain.issuingCa));
    writeFileSync(join(dir, 'crl.der'), crls[1]);
    const verified = await runTool('openssl', [
      'crl',
      '-inform',
      'DER',
      '-in',
      join(dir, 'crl.der'),
      '-CAfile',
      join(dir, 'ca.pem'),
      '-noout',
    ]);
    expect(`${verified.stdout}${verified.stderr}`).toContain('verify OK');
  });

  it('embeds the Times-metric Liberation Serif (pdffonts)', async () => {
    const fonts = await runTool('pdffonts', [decisionPath]);
    expect(fonts.stdout).toMatch(/\+LiberationSerif\s/);
    expect(fonts.stdout).toMatch(/\+LiberationSerif-Bold\s/);
    expect(fonts.stdout).not.toMatch(/DejaVu|Helvetica|Times-Roman/);
  });

  it('prints the number with a leading zero and the QR payload verifies offline with the published key', async () => {
    const text = (await runTool('pdftotext', ['-layout', decisionPath, '-'])).stdout;
    expect(text).toContain('Số: 07/QĐ-SNV');
    await runTool('pdftoppm', ['-r', '300', '-f', '1', '-l', '1', '-png', decisionPath, join(dir, 'page')]);
    const qr = (await runTool('zbarimg', ['-q', '--raw', join(dir, 'page-1.png')])).stdout.trim();
    expect(qr.startsWith(`${SAMPLE_DOCUMENTS['decision-approval'].verifyUrl}#v1.`)).toBe(true);
    const published = createPublicKey(publicKeyPem(signers.payloadKey));
    const check = verifyOfflinePayload(qr, published);
    expect(check).toMatchObject({
      valid: true,
      facts: {
        number: '07/QĐ-SNV',
        issuedOn: '2026-11-26',
        maskedHolder: 'Nguyễn T** Á** T****',
        amount: 5_520_000,
        months: 3,
      },
    });
    const [, facts, signature] = /#v1\.([^.]+)\.([^.]+)$/.exec(qr)!;
    const bytes = Buffer.from(facts, 'base64url');
    bytes[bytes.length - 60] ^= 0x01;
    expect(verifyOfflinePayload(`v1.${bytes.toString('base64url')}.${signature}`, published).valid).toBe(false);
  });

  it('signs a center slip once, with the organisation certificate', async () => {
    const { pdf } = await issueSignedDocument('receipt', SAMPLE_DOCUMENTS.receipt, SAMPLE_ISSUER, {
      ...signers,
      timestamps: tsa,
    });
    const path = join(dir, 'receipt.pdf');
    writeFileSync(path, pdf);
    const result = await runTool('pdfsig', ['-nssdir', `sql:${nssDir}`, path]);
    expect(result.stdout.match(/Signature #\d+:/g)).toHaveLength(1);
    expect(result.stdout).toContain(`Signer Certificate Common Name: ${DEVELOPMENT_ORGANISATION.commonName}`);
    expect(result.stdout).toContain('Signature is Valid.');
    expect(readFileSync(path).includes(Buffer.from('/Type /DSS'))).toBe(true);
  });
});
