/** Public API of the documents library (no Nest): render, sign and issue dossier documents. */
export { DOCUMENT_KINDS, isDocumentKind } from './document-kind';
export type { DocumentKind } from './document-kind';
export type {
  DateRange,
  DecisionApprovalData,
  DecisionFigures,
  DecisionRefusalData,
  DocumentCommonData,
  DocumentData,
  DocumentDataByKind,
  DocumentHolder,
  IntakeRefusalData,
  ReceiptData,
  SupplementRequestData,
} from './document-data.types';
export type { CenterProfile, IssuerProfile } from './issuer-profile.types';
export type { IsoDate } from './formatting/vietnamese-date.formatter';
export { formatVnd, vndInWords } from './formatting/vnd-amount.formatter';
export { DOCUMENT_TITLES, renderDocument } from './rendering/document.renderer';
export type { RenderOptions } from './rendering/document.renderer';
export { signPdf } from './signing/pdf.signer';
export type { SignOptions } from './signing/pdf.signer';
export { openSigningIdentity } from './signing/signing-identity';
export type { SigningCredentials, SigningIdentity } from './signing/signing-identity';
export { ensureDevelopmentSigningCredentials } from './signing/development-credentials';
export type { DevelopmentSigningCredentials } from './signing/development-credentials';
export { issueSignedDocument } from './issue-signed-document';
export type { SignedDocument } from './issue-signed-document';
export { TemplateError } from './templates/template-error';
