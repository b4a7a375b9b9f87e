import { createHash } from 'node:crypto';
import type { DocumentData } from './document-data.types';
import type { DocumentKind } from './document-kind';
import type { IssuerProfile } from './issuer-profile.types';
import type { RenderOptions } from './rendering/document.renderer';
import { renderDocument } from './rendering/document.renderer';
import type { SignOptions } from './signing/pdf.signer';
import { signPdf } from './signing/pdf.signer';
import type { SigningCredentials, SigningIdentity } from './signing/signing-identity';

export interface SignedDocument {
  readonly pdf: Buffer;
  /** Lower-case hex SHA-256 of the signed PDF, for the dossier record and the verification page. */
  readonly sha256: string;
}

/** Renders and signs one document. */
export async function issueSignedDocument<K extends DocumentKind>(
  kind: K,
  data: DocumentData<K>,
  issuer: IssuerProfile,
  credentials: SigningCredentials | SigningIdentity,
  options: RenderOptions & SignOptions = {},
): Promise<SignedDocument> {
  const unsigned = await renderDocument(kind, data, issuer, options);
  const pdf = await signPdf(unsigned, credentials, options);
  return { pdf, sha256: createHash('sha256').update(pdf).digest('hex') };
}
