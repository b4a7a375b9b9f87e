import type { KeyObject } from 'node:crypto';
import { findByteRange, removeTrailingNewLine, SignPdfError } from '@signpdf/utils';
import { CadesSigner } from './cades.signer';
import type { SigningCredentials, SigningIdentity } from './signing-identity';
import type { TimestampClient } from './timestamp-client';
import { cachedSigningIdentity } from './signing-identity';

export interface SignOptions {
  /** CMS signingTime; defaults to now. */
  readonly signingTime?: Date;
  /** RFC 3161 timestamps on each signature (PAdES B-T); without it, baseline B. */
  readonly timestamps?: TimestampClient;
}

/**
 * Who signs a document: a decision is signed first by the competent person (the Director's personal
 * certificate), then by the organisation; a center's slip by the organisation only.
 */
export interface DocumentSigners {
  readonly personal?: SigningIdentity;
  readonly organisation: SigningIdentity;
  /** Ed25519 key signing the offline payload of the QR code (verification/offline-payload). */
  readonly payloadKey?: KeyObject;
  /** RFC 3161 timestamps (PAdES B-T). */
  readonly timestamps?: TimestampClient;
  /** The Director's signature image and the organisation's seal (transparent PNG paths). */
  readonly images?: { readonly signaturePath?: string; readonly sealPath?: string };
  /** Chain and revocation data added after the signatures (PAdES B-LT). */
  readonly longTermValidation?: (pdf: Buffer) => Promise<Buffer> | Buffer;
}

export function isIdentity(value: unknown): value is SigningIdentity {
  return typeof value === 'object' && value !== null && 'certificates' in value;
}

export function isDocumentSigners(value: unknown): value is DocumentSigners {
  return typeof value === 'object' && value !== null && 'organisation' in value;
}

/**
 * Fills the signature placeholder of a PDF made by `renderDocument` with a PAdES-B CMS signature.
 * Accepts PKCS#12 credentials (opened once per process and cached) or an already opened identity.
 */
export async function signPdf(
  pdf: Buffer,
  credentials: SigningCredentials | SigningIdentity,
  options: SignOptions = {},
): Promise<Buffer> {
  const identity = isIdentity(credentials) ? credentials : cachedSigningIdentity(credentials);
  const signer = new CadesSigner(identity, undefined, options.timestamps);
  const signingTime = options.signingTime ?? new Date();
  return fillSignature(pdf, (ranges) => signer.signRanges(ranges, signingTime));
}

/**
 * What @signpdf's `SignPdf.sign` does (the same bytes, the same errors), with one copy of the PDF instead of
 * five: the ByteRange and the signature are written into the copy in place, and the two signed ranges are
 * hashed where they are instead of being joined first.
 */
async function fillSignature(input: Buffer, sign: (ranges: readonly Buffer[]) => Promise<Buffer>): Promise<Buffer> {
  const pdf = Buffer.from(removeTrailingNewLine(input));
  const { byteRangePlaceholder: placeholder, byteRangePlaceholderPosition: position } = findByteRange(pdf);
  if (!placeholder || position === undefined)
    throw new SignPdfError('No ByteRangeStrings found within PDF buffer.', SignPdfError.TYPE_PARSE);
  const byteRangeEnd = position + placeholder.length;
  const contentsTagPos = pdf.indexOf('/Contents ', byteRangeEnd);
  const placeholderPos = pdf.indexOf('<', contentsTagPos);
  const placeholderEnd = pdf.indexOf('>', placeholderPos);
  const placeholderLength = placeholderEnd - 1 - placeholderPos;
  const signedFrom = placeholderEnd + 1;
  const byteRange = `/ByteRange [0 ${placeholderPos} ${signedFrom} ${pdf.length - signedFrom}]`;
  pdf.write(byteRange + ' '.repeat(placeholder.length - byteRange.length), position, 'latin1');
  const raw = await sign([pdf.subarray(0, placeholderPos), pdf.subarray(signedFrom)]);
  if (raw.length * 2 > placeholderLength)
    throw new SignPdfError(
      `Signature exceeds placeholder length: ${raw.length * 2} > ${placeholderLength}`,
      SignPdfError.TYPE_INPUT,
    );
  const written = pdf.write(raw.toString('hex'), placeholderPos + 1, 'latin1');
  pdf.fill('0', placeholderPos + 1 + written, placeholderEnd);
  return pdf;
}
