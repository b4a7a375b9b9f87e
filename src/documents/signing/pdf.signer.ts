import type { KeyObject } from 'node:crypto';
import { SignPdf } from '@signpdf/signpdf';
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
  return new SignPdf().sign(pdf, signer, options.signingTime ?? new Date());
}
