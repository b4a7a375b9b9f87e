import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentData } from './document-data.types';
import type { DocumentKind } from './document-kind';
import type { IssuerProfile } from './issuer-profile.types';
import type { RenderOptions } from './rendering/document.renderer';
import { DOCUMENT_TITLES, renderDocumentWithPlacement } from './rendering/document.renderer';
import type { SignatureAppearance } from './rendering/pdf-layout.renderer';
import { loadPreparedImage, prepareImage } from './rendering/signature-images';
import { DEFAULT_TEMPLATES_DIR } from './rendering/templates-directory';
import { addSignatureField } from './signing/incremental-update';
import type { DocumentSigners, SignOptions } from './signing/pdf.signer';
import { isDocumentSigners, signPdf } from './signing/pdf.signer';
import type { SigningCredentials, SigningIdentity } from './signing/signing-identity';
import { cachedSigningIdentity } from './signing/signing-identity';

export interface SignedDocument {
  readonly pdf: Buffer;
  /** Lower-case hex SHA-256 of the signed PDF, for the dossier record and the verification page. */
  readonly sha256: string;
}

/** The PNG images of the visible signatures (Nghị định 30/2020, Phụ lục I). */
export interface AppearanceImages {
  /** The competent person's (Director's) signature, blue on transparent. */
  readonly signaturePath?: string;
  /** The organisation's seal, red on transparent, at its real size. */
  readonly sealPath?: string;
  /** The signer's own signature image (PNG bytes, e.g. from the object store): drawn instead of `signaturePath`. */
  readonly signaturePng?: Buffer;
}

export const DEVELOPMENT_APPEARANCE: Required<Omit<AppearanceImages, 'signaturePng'>> = {
  signaturePath: join(DEFAULT_TEMPLATES_DIR, 'signing', 'development-signature.png'),
  sealPath: join(DEFAULT_TEMPLATES_DIR, 'signing', 'development-seal.png'),
};

export interface IssueOptions extends RenderOptions, SignOptions {
  /** Visible signature images; default: the signers', else the development ones. `false`: no images. */
  readonly images?: AppearanceImages | false;
  /** Adds the certificate chain and revocation data (PAdES B-LT) after the signatures. */
  readonly longTermValidation?: (pdf: Buffer) => Promise<Buffer> | Buffer;
}

function signersOf(credentials: SigningCredentials | SigningIdentity | DocumentSigners): DocumentSigners {
  if (isDocumentSigners(credentials)) return credentials;
  const identity = 'certificates' in credentials ? credentials : cachedSigningIdentity(credentials);
  // One certificate for everything (older configuration, tests): it signs in both roles.
  return { personal: identity, organisation: identity };
}

const image = (path: string | undefined) => (path && existsSync(path) ? loadPreparedImage(path) : undefined);

/**
 * Renders and signs one document. A decision of the Director carries two signatures: the Director's
 * personal certificate (widget over the signature image) and, in an incremental update, the organisation's
 * (widget over the seal). A center's slip carries the organisation's only.
 */
export async function issueSignedDocument<K extends DocumentKind>(
  kind: K,
  data: DocumentData<K>,
  issuer: IssuerProfile,
  credentials: SigningCredentials | SigningIdentity | DocumentSigners,
  options: IssueOptions = {},
): Promise<SignedDocument> {
  const signers = signersOf(credentials);
  const signingTime = options.signingTime ?? data.issuedAt;
  const byAuthority = kind === 'decision-approval' || kind === 'decision-refusal';
  const images =
    options.images === false
      ? {}
      : {
          signaturePath:
            options.images?.signaturePath ?? signers.images?.signaturePath ?? DEVELOPMENT_APPEARANCE.signaturePath,
          sealPath: options.images?.sealPath ?? signers.images?.sealPath ?? DEVELOPMENT_APPEARANCE.sealPath,
        };
  const organisationName = byAuthority || !issuer.center ? issuer.authorityFullName : issuer.center.name;
  const signaturePng = options.images ? options.images.signaturePng : undefined;
  const appearance: SignatureAppearance = {
    signatureImage:
      byAuthority && signers.personal
        ? signaturePng
          ? prepareImage(signaturePng)
          : image(images.signaturePath)
        : undefined,
    // The seal is the department's: it is not printed on a center's slip.
    sealImage: byAuthority ? image(images.sealPath) : undefined,
    organisationName,
    signedAt: signingTime,
  };
  const rendered = await renderDocumentWithPlacement(kind, data, issuer, {
    ...options,
    appearance,
    payloadKey: options.payloadKey ?? signers.payloadKey,
  });
  const { personal, organisation } = rendered.signatures;
  const signOptions = { signingTime, timestamps: options.timestamps ?? signers.timestamps };
  const first = personal !== undefined && signers.personal !== undefined ? signers.personal : signers.organisation;
  let pdf = await signPdf(rendered.pdf, first, signOptions);
  if (first === signers.personal && personal !== undefined && organisation !== undefined) {
    pdf = addSignatureField(pdf, {
      pageIndex: organisation.page,
      rect: organisation.rect,
      fieldName: 'Signature2',
      name: organisationName,
      reason: DOCUMENT_TITLES[kind],
      location: issuer.place,
      contactInfo: data.verifyUrl,
      signingTime,
      signatureLength: options.signatureLength ?? 16384,
    });
    pdf = await signPdf(pdf, signers.organisation, signOptions);
  }
  const longTerm = options.longTermValidation ?? signers.longTermValidation;
  if (longTerm) pdf = await longTerm(pdf);
  return { pdf, sha256: createHash('sha256').update(pdf).digest('hex') };
}
