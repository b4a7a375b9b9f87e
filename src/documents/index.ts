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
export type { DocumentSigners, SignOptions } from './signing/pdf.signer';
export { HttpTimestampClient } from './signing/timestamp-client';
export type { TimestampClient } from './signing/timestamp-client';
export { HttpCrlSource, longTermValidation } from './signing/long-term-validation';
export type { RevocationSource } from './signing/long-term-validation';
export { openRemoteSigningIdentity, RemoteSigningClient } from './signing/remote-signing';
export { publicKeyPem, signOfflinePayload, verifyOfflinePayload } from './verification/offline-payload';
export type { OfflineFacts } from './verification/offline-payload';
export { openSigningIdentity } from './signing/signing-identity';
export type { SigningCredentials, SigningIdentity } from './signing/signing-identity';
export { ensureDevelopmentSigners, ensureDevelopmentSigningCredentials } from './signing/development-credentials';
export type { DevelopmentSigningCredentials } from './signing/development-credentials';
export { issueSignedDocument } from './issue-signed-document';
export type { AppearanceImages, IssueOptions, SignedDocument } from './issue-signed-document';
export { TemplateError } from './templates/template-error';
