import type { EntityManager } from 'typeorm';
import type { IssuedDocumentKind } from '../domain/dossier-workflow';
import type { DecisionSummary, DocumentSummary, IssuanceSummary } from '../dossier-views';

export const DOSSIER_DOCUMENTS = Symbol('DOSSIER_DOCUMENTS');

export interface DossierDocumentsView {
  documents: DocumentSummary[];
  decision: DecisionSummary | null;
  issuance: IssuanceSummary[];
}

/**
 * What the dossiers module asks of the signed documents, without importing the documents module: the documents
 * module implements it and the application module binds it (so dependencies point one way: documents → dossiers).
 * The write methods run inside the workflow step's transaction.
 */
export interface DossierDocuments {
  /** The signed documents of a dossier, for its views. */
  forDossier(dossierId: string, em?: EntityManager): Promise<DossierDocumentsView>;
  /** forDossier for a list of dossiers, in a fixed number of statements (every id has an entry). */
  forDossiers(dossierIds: readonly string[]): Promise<Map<string, DossierDocumentsView>>;
  /** Queue the document a step issues; `eventSeq` is the step's history event. */
  requestIssue(
    em: EntityManager,
    request: { dossierId: string; kind: IssuedDocumentKind; eventSeq: number },
  ): Promise<void>;
  /**
   * Mark the dossier's signed decision revoked (the PDF stays). Throws a DomainError when there is none yet
   * (404) or it is already revoked (409), which rolls the step back.
   */
  revokeDecision(
    em: EntityManager,
    dossierId: string,
    revocation: { at: Date; reason: string; by: string },
  ): Promise<void>;
}
