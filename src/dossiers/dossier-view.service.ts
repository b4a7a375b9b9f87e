import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LegalContextService } from '../eligibility/legal-context.service';
import { CLOCK, Clock } from '../platform/clock/clock';
import { ActingParty } from './domain/dossier-workflow';
import { AttachmentRecord, DossierEventRecord, DossierRecord, DossierRepository } from './dossier.repository';
import { citizenView, staffView, ViewContext } from './dossier-views';
import { DOSSIER_DOCUMENTS, DossierDocuments } from './ports/dossier-documents.port';

/** Assembles the response views of a dossier (history, attachments, documents, deadline flags). */
@Injectable()
export class DossierViewService {
  constructor(
    private readonly dossiers: DossierRepository,
    private readonly legal: LegalContextService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DOSSIER_DOCUMENTS) private readonly documents: DossierDocuments,
  ) {}

  async citizen(d: DossierRecord, em?: EntityManager) {
    return citizenView(d, await this.context(d, em));
  }

  /**
   * The citizen views of a list of dossiers in a fixed number of statements (history, attachments, documents and
   * issuance jobs each read for all of them at once), not a few per dossier.
   */
  async citizens(records: readonly DossierRecord[]) {
    const ids = records.map((d) => d.id);
    const [histories, attachments, documents, legal] = await Promise.all([
      this.dossiers.historiesOf(ids),
      this.dossiers.attachmentsOf(ids),
      this.documents.forDossiers(ids),
      this.legal.current(),
    ]);
    const today = this.clock.today();
    return records.map((d) => {
      const docs = documents.get(d.id)!;
      return citizenView(d, {
        today,
        calendar: legal.calendar,
        history: histories.get(d.id)!,
        attachments: attachments.get(d.id)!,
        documents: docs.documents,
        decision: docs.decision,
        issuance: docs.issuance,
      });
    });
  }

  /**
   * The citizen view of a dossier in the transaction that filed it, from what that transaction wrote: its one
   * history event and the files moved onto it. Filing issues no document and queues no issuance job.
   */
  async justFiled(d: DossierRecord, submitted: DossierEventRecord, attachments: AttachmentRecord[]) {
    const legal = await this.legal.current();
    return citizenView(d, {
      today: this.clock.today(),
      calendar: legal.calendar,
      history: [submitted],
      attachments,
      documents: [],
      decision: null,
      issuance: [],
    });
  }

  async staff(d: DossierRecord, party: ActingParty | null) {
    return staffView(d, await this.context(d), party);
  }

  private async context(d: DossierRecord, em?: EntityManager): Promise<ViewContext> {
    const [history, attachments, docs] = em
      ? // A transaction is one connection, which runs one query at a time: ask in turn.
        [
          await this.dossiers.history(d.id, em),
          await this.dossiers.attachments(d.id, em),
          await this.documents.forDossier(d.id, em),
        ]
      : await Promise.all([
          this.dossiers.history(d.id),
          this.dossiers.attachments(d.id),
          this.documents.forDossier(d.id),
        ]);
    const legal = await this.legal.current();
    return {
      today: this.clock.today(),
      calendar: legal.calendar,
      history,
      attachments,
      documents: docs.documents,
      decision: docs.decision,
      issuance: docs.issuance,
    };
  }
}
