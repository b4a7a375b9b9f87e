import { CenterDirectory } from './center-directory';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { Runtime } from '../platform/embedded/runtime';
import { RUNTIME } from '../platform/platform.module';
import { PortalOutboxRepository } from '../portal/portal-outbox.repository';
import type { Caller } from '../identity/caller';
import { dossierCode } from './domain/dossier-code';
import { searchName } from './domain/search-name';
import { DossierRecord, DossierRepository } from './dossier.repository';
import { recordStep } from './dossier-transaction';

/** What a receiving province knows of a moved benefit's dossier (from the sender's signed package). */
export interface TransferredDossier {
  personalId: string;
  fullName: string;
  applicant: unknown;
  application: unknown;
  assessment: unknown;
  terminationDate: string;
  decidedAt: string;
  /** RFC 3339: when this province took it over. */
  receivedAt: string;
  /** Recorded on the history event `transfer_received` (sender, package, months taken over). */
  data: Record<string, unknown>;
}

/**
 * Opens the dossier of a benefit moved here from another province (channel `transfer`, status `RESULT_RETURNED`),
 * in the caller's transaction: the dossier row at the province's first center (staff may move it later), its
 * history event, the portal event and the audit row. The dossiers module keeps the only SQL on its tables.
 */
@Injectable()
export class DossierImportService {
  constructor(
    private readonly dossiers: DossierRepository,
    private readonly centers: CenterDirectory,
    private readonly outbox: PortalOutboxRepository,
    private readonly audit: AuditLogRepository,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  async importTransferred(em: EntityManager, actor: Caller, d: TransferredDossier): Promise<DossierRecord> {
    const centerCode = await this.centers.firstActive(em);
    if (!centerCode) throw new Error('no active service center to receive a transferred benefit');
    const day = d.receivedAt.slice(0, 10);
    const id = randomUUID();
    const code = dossierCode(centerCode, day, await this.dossiers.nextSequence(em, centerCode, day));
    await this.dossiers.insertTransferred(em, {
      id,
      code,
      personalId: d.personalId,
      centerCode,
      channel: 'transfer',
      portalDossierCode: null,
      fullName: d.fullName,
      searchName: searchName(d.fullName),
      applicant: d.applicant,
      insurance: null,
      application: d.application,
      assessment: d.assessment,
      flags: ['transferred_in'],
      terminationDate: d.terminationDate,
      filedAt: d.receivedAt,
      decidedAt: d.decidedAt,
    });
    const dossier = (await this.dossiers.findById(id, em))!;
    await recordStep(
      em,
      { dossiers: this.dossiers, outbox: this.outbox, audit: this.audit },
      this.runtime.config.procedureCode,
      dossier,
      actor,
      {
        action: 'transfer_received',
        from: null,
        to: 'RESULT_RETURNED',
        data: d.data,
        occurredAt: d.receivedAt,
        dueDate: null,
        benefit: { event: 'transfer_received', ...d.data },
      },
    );
    return dossier;
  }
}
