import { createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { buildCadesSignedData } from '../../documents/signing/cades-signed-data.builder';
import {
  derBytes,
  derOid,
  derSequence,
  derTlv,
  readDerChildren,
  readDerElement,
} from '../../documents/signing/der-encoding';
import type { TimestampClient } from '../../documents/signing/timestamp-client';
import { timestampRequest, tokenFromResponse } from '../../documents/signing/timestamp-client';

/** id-ct-TSTInfo (RFC 3161). */
export const TST_INFO_OID = '1.2.840.113549.1.9.16.1.4';
/** The sandbox TSA's policy (a private arc; "development only"). */
export const SANDBOX_TSA_POLICY = '1.3.6.1.4.1.99999.3161.1';

const UTF8 = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;

function generalizedTime(date: Date): Buffer {
  const iso = date.toISOString();
  const text = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  return derTlv(0x18, Buffer.from(text, 'ascii'));
}

function positiveInteger(bytes: Buffer): Buffer {
  return derTlv(0x02, bytes[0] & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
}

function certificateDer(certificate: forge.pki.Certificate): Buffer {
  return Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), 'binary');
}

export interface SandboxTsaMaterial {
  readonly key: KeyObject;
  /** TSA certificate first, then its root. DER. */
  readonly certificates: readonly Buffer[];
}

/** A throw-away root and a TSA certificate (extKeyUsage timeStamping, critical), made in memory. */
export function createSandboxTsaMaterial(now: Date = new Date()): SandboxTsaMaterial {
  const name = (cn: string): forge.pki.CertificateField[] => [
    { shortName: 'C', value: 'VN' },
    { shortName: 'O', value: 'Môi trường thử nghiệm (sandbox) – không dùng thật', valueTagClass: UTF8 },
    { shortName: 'CN', value: cn, valueTagClass: UTF8 },
  ];
  const make = (cn: string, issuer?: { cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey }) => {
    const pair = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    const keys = {
      publicKey: forge.pki.publicKeyFromPem(pair.publicKey),
      privateKey: forge.pki.privateKeyFromPem(pair.privateKey) as forge.pki.rsa.PrivateKey,
    };
    const cert = forge.pki.createCertificate();
    cert.publicKey = keys.publicKey;
    cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
    cert.validity.notBefore = new Date(now.getTime() - 24 * 3600_000);
    cert.validity.notAfter = new Date(now.getTime() + 10 * 365 * 24 * 3600_000);
    cert.setSubject(name(cn));
    cert.setIssuer(issuer ? issuer.cert.subject.attributes : name(cn));
    cert.setExtensions(
      issuer
        ? [
            { name: 'basicConstraints', cA: false, critical: true },
            { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
            { name: 'extKeyUsage', timeStamping: true, critical: true },
            { name: 'subjectKeyIdentifier' },
          ]
        : [
            { name: 'basicConstraints', cA: true, critical: true },
            { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
            { name: 'subjectKeyIdentifier' },
          ],
    );
    cert.sign(issuer ? issuer.key : keys.privateKey, forge.md.sha256.create());
    return { cert, key: keys.privateKey };
  };
  const root = make('Sandbox TSA Root (PHÁT TRIỂN)');
  const tsa = make('Sandbox Time-Stamping Authority (PHÁT TRIỂN)', root);
  return {
    key: createPrivateKey(forge.pki.privateKeyToPem(tsa.key)),
    certificates: [certificateDer(tsa.cert), certificateDer(root.cert)],
  };
}

/**
 * A small RFC 3161 time-stamping authority for the sandbox: answers a TimeStampReq (SHA-256 imprint) with a
 * granted TimeStampResp whose token is a CMS SignedData over a TSTInfo, signed with RSA/SHA-256 and carrying
 * ESS signing-certificate-v2, as RFC 5816 asks. Also usable in-process as a `TimestampClient` (tests, bench).
 */
export class SandboxTimestampAuthority implements TimestampClient {
  private serial = BigInt(Date.now()) * 1000n;

  constructor(
    readonly material: SandboxTsaMaterial = createSandboxTsaMaterial(),
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** TimeStampResp for a DER TimeStampReq; a malformed request gets status 2 (rejection). */
  async respond(request: Buffer): Promise<Buffer> {
    let imprint: Buffer;
    let nonce: Buffer | undefined;
    try {
      const root = readDerElement(request, 0);
      const fields = readDerChildren(request, root);
      imprint = Buffer.from(derBytes(request, fields[1]));
      const digest = readDerChildren(request, fields[1])[1];
      if (fields[1].tag !== 0x30 || digest.end - digest.contentStart !== 32) throw new Error('SHA-256 expected');
      const nonceField = fields.slice(2).find((field) => field.tag === 0x02);
      nonce = nonceField ? Buffer.from(derBytes(request, nonceField)) : undefined;
    } catch {
      return derSequence(derSequence(derTlv(0x02, Buffer.from([2]))));
    }
    this.serial += 1n;
    let serialHex = this.serial.toString(16);
    if (serialHex.length % 2) serialHex = `0${serialHex}`;
    const tstInfo = derSequence(
      derTlv(0x02, Buffer.from([1])),
      derOid(SANDBOX_TSA_POLICY),
      imprint,
      positiveInteger(Buffer.from(serialHex, 'hex')),
      generalizedTime(this.clock()),
      ...(nonce ? [nonce] : []),
    );
    const token = await buildCadesSignedData({
      content: tstInfo,
      contentType: TST_INFO_OID,
      encapsulate: true,
      signingTime: this.clock(),
      privateKey: this.material.key,
      certificates: this.material.certificates,
    });
    return derSequence(derSequence(derTlv(0x02, Buffer.from([0]))), token);
  }

  async timestamp(data: Buffer): Promise<Buffer> {
    return tokenFromResponse(await this.respond(timestampRequest(data)));
  }
}
