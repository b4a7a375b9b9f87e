import { SignPdf } from '@signpdf/signpdf';
import { CadesSigner } from './cades.signer';
import type { SigningCredentials, SigningIdentity } from './signing-identity';
import { cachedSigningIdentity } from './signing-identity';

export interface SignOptions {
  /** CMS signingTime; defaults to now. */
  readonly signingTime?: Date;
}

function isIdentity(value: SigningCredentials | SigningIdentity): value is SigningIdentity {
  return 'privateKey' in value;
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
  const signer = new CadesSigner(identity);
  return new SignPdf().sign(pdf, signer, options.signingTime ?? new Date());
}
