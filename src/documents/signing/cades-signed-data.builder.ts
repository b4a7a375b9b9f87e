import { createHash, sign as rsaSign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import {
  derBytes,
  derExplicit,
  derImplicitConstructed,
  derNull,
  derOctetString,
  derOid,
  derSequence,
  derSetOf,
  derSmallInteger,
  derTime,
  derTlv,
  readDerChildren,
  readDerElement,
} from './der-encoding';

export const CMS_OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
} as const;

/** The issuer Name and serialNumber of a certificate, exactly as encoded in it. */
export interface CertificateIdentity {
  readonly issuer: Buffer;
  readonly serialNumber: Buffer;
}

/**
 * Reads issuer and serial straight from the certificate's DER. Copying the bytes (instead of decoding and
 * re-encoding the names) keeps UTF8String attributes with Vietnamese diacritics intact.
 */
export function readCertificateIdentity(certificateDer: Buffer): CertificateIdentity {
  const certificate = readDerElement(certificateDer, 0);
  const [tbs] = readDerChildren(certificateDer, certificate);
  const fields = readDerChildren(certificateDer, tbs);
  const offset = fields[0].tag === 0xa0 ? 1 : 0;
  const serial = fields[offset];
  const issuer = fields[offset + 2];
  if (serial.tag !== 0x02 || issuer.tag !== 0x30) throw new Error('Not an X.509 certificate');
  return { issuer: derBytes(certificateDer, issuer), serialNumber: derBytes(certificateDer, serial) };
}

export interface SignedDataInput {
  /** The signed bytes (a PDF's byte ranges, one Buffer or the ranges in order). */
  readonly content: Buffer | readonly Buffer[];
  readonly signingTime: Date;
  readonly privateKey?: KeyObject;
  /** Signs the signed attributes elsewhere (RSA PKCS#1 v1.5, SHA-256), instead of `privateKey`. */
  readonly sign?: (data: Buffer) => Promise<Buffer>;
  /** Signer certificate first, then its chain. DER. */
  readonly certificates: readonly Buffer[];
  /** Returns an RFC 3161 TimeStampToken (a CMS ContentInfo, DER) over the given signature value. */
  readonly timestamp?: (signatureValue: Buffer) => Promise<Buffer>;
  /** eContentType; default id-data. */
  readonly contentType?: string;
  /** Carry the content inside the SignedData (a timestamp token's TSTInfo) instead of detached. */
  readonly encapsulate?: boolean;
}

const sha256 = (data: Buffer): Buffer => createHash('sha256').update(data).digest();

function contentDigest(content: Buffer | readonly Buffer[]): Buffer {
  if (Buffer.isBuffer(content)) return sha256(content);
  const hash = createHash('sha256');
  for (const part of content) hash.update(part);
  return hash.digest();
}

const attribute = (oid: string, value: Buffer): Buffer => derSequence(derOid(oid), derSetOf([value]));

/** SigningCertificateV2 (RFC 5035) with one ESSCertIDv2: SHA-256 (default, omitted), certHash, issuerSerial. */
function signingCertificateV2(certificateDer: Buffer, identity: CertificateIdentity): Buffer {
  const generalNames = derSequence(derExplicit(4, identity.issuer));
  const issuerSerial = derSequence(generalNames, identity.serialNumber);
  const essCertIdV2 = derSequence(derOctetString(sha256(certificateDer)), issuerSerial);
  return derSequence(derSequence(essCertIdV2));
}

/**
 * Builds a detached CMS SignedData (RFC 5652) for PAdES baseline B (ETSI.CAdES.detached) with the signed
 * attributes contentType, signingTime, messageDigest and signing-certificate-v2, signed with RSA PKCS#1 v1.5
 * and SHA-256.
 */
export async function buildCadesSignedData(input: SignedDataInput): Promise<Buffer> {
  const [signerCertificate] = input.certificates;
  if (!signerCertificate) throw new Error('A signer certificate is required');
  const identity = readCertificateIdentity(signerCertificate);
  const sha256Algorithm = derSequence(derOid(CMS_OID.sha256), derNull());

  const contentType = input.contentType ?? CMS_OID.data;
  const signedAttributes = derSetOf([
    attribute(CMS_OID.contentType, derOid(contentType)),
    attribute(CMS_OID.signingTime, derTime(input.signingTime)),
    attribute(CMS_OID.messageDigest, derOctetString(contentDigest(input.content))),
    attribute(CMS_OID.signingCertificateV2, signingCertificateV2(signerCertificate, identity)),
  ]);
  // The signature covers the attributes encoded as an explicit SET OF (RFC 5652 §5.4).
  let signature: Buffer;
  if (input.sign) signature = await input.sign(signedAttributes);
  else if (input.privateKey) signature = rsaSign('sha256', signedAttributes, input.privateKey);
  else throw new Error('A private key or a remote signer is required');

  const signerInfo = derSequence(
    derSmallInteger(1),
    derSequence(identity.issuer, identity.serialNumber),
    sha256Algorithm,
    derImplicitConstructed(0, signedAttributes),
    derSequence(derOid(CMS_OID.sha256WithRsa), derNull()),
    derOctetString(signature),
    ...(input.timestamp
      ? [
          derImplicitConstructed(
            1,
            derSetOf([attribute(CMS_OID.signatureTimeStampToken, await input.timestamp(signature))]),
          ),
        ]
      : []),
  );
  const signedData = derSequence(
    // RFC 5652 §5.1: version 3 when the content is not id-data (a TSTInfo).
    derSmallInteger(contentType === CMS_OID.data ? 1 : 3),
    derSetOf([sha256Algorithm]),
    input.encapsulate
      ? derSequence(
          derOid(contentType),
          derExplicit(0, derOctetString(Buffer.isBuffer(input.content) ? input.content : Buffer.concat(input.content))),
        )
      : derSequence(derOid(contentType)),
    derTlv(0xa0, Buffer.concat(input.certificates)),
    derSetOf([signerInfo]),
  );
  return derSequence(derOid(CMS_OID.signedData), derExplicit(0, signedData));
}
