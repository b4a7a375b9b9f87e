import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { DossierDocuments } from '../../dossiers/dossier-view.service';
import type { DecisionSummary, DocumentSummary } from '../../dossiers/dossier-views';
import { Runtime } from '../../platform/embedded/runtime';
import { RUNTIME } from '../../platform/platform.module';
import { parseStoredKind } from '../domain/issued-kind';
import { IssuedDocumentRecord, IssuedDocumentRepository } from '../persistence/issued-document.repository';
import { DOCUMENT_TITLES } from '../rendering/document.renderer';

/** The public shape of a decision (API.md: GET /api/v1/dossiers/{id}/decision). */
export type DecisionView = DecisionSummary;

/** Tells the dossier views which signed documents a dossier has (DOSSIER_DOCUMENTS). */
@Injectable()
export class DossierDocumentsService implements DossierDocuments {
  constructor(
    private readonly documents: IssuedDocumentRepository,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  async forDossier(
    dossierId: string,
    em?: EntityManager,
  ): Promise<{ documents: DocumentSummary[]; decision: DecisionSummary | null }> {
    const records = await this.documents.listForDossier(dossierId, em);
    const decision =
      records.find((r) => r.kind === 'decision-approval') ?? records.find((r) => r.kind === 'decision-refusal');
    return { documents: records.map((r) => this.summary(r)), decision: decision ? this.decision(decision) : null };
  }

  verifyUrl(code: string): string {
    return `${this.runtime.config.publicBaseUrl}/verify/${code}`;
  }

  decision(r: IssuedDocumentRecord): DecisionView {
    return {
      number: r.number ?? '',
      issuedAt: r.issuedAt,
      kind: r.kind === 'decision-approval' ? 'approval' : 'refusal',
      sha256: r.sha256,
      verificationCode: r.verificationCode,
      verifyUrl: this.verifyUrl(r.verificationCode),
      status: r.status,
      revokedAt: r.revokedAt,
      revocationReason: r.revocationReason,
    };
  }

  summary(r: IssuedDocumentRecord): DocumentSummary {
    return {
      kind: r.kind,
      title: documentTitle(r.kind),
      number: r.number,
      issuedAt: r.issuedAt,
      sha256: r.sha256,
      verificationCode: r.verificationCode,
      verifyUrl: this.verifyUrl(r.verificationCode),
      downloadUrl: `/api/v1/dossiers/${r.dossierId}/documents/${r.kind}/pdf`,
    };
  }
}

/** Title of a stored kind; a later supplementation request says which event it answers. */
export function documentTitle(stored: string): string {
  const parsed = parseStoredKind(stored);
  if (!parsed) return stored;
  const title = DOCUMENT_TITLES[parsed.kind];
  return parsed.eventSeq ? `${title} (yêu cầu bổ sung tại bước ${parsed.eventSeq})` : title;
}
