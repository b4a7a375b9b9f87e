import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isUuid } from '../platform/ids/uuid';
import { CenterDirectory, CenterRecord } from './center-directory';
import { AttachmentRecord, DossierEventRecord, DossierRecord, DossierRepository } from './dossier.repository';

/**
 * The read port other modules use to see a dossier (documents, reports): typed records from the dossiers module's
 * own repository, so nobody else writes SQL against the dossier tables.
 */
@Injectable()
export class DossierReader {
  constructor(
    private readonly dossiers: DossierRepository,
    private readonly centers: CenterDirectory,
  ) {}

  /** The dossier, or undefined (also for an id that is not a UUID). */
  async find(id: string, em?: EntityManager): Promise<DossierRecord | undefined> {
    if (!isUuid(id)) return undefined;
    return (await this.dossiers.findById(id, em)) ?? undefined;
  }

  center(code: string, em?: EntityManager): Promise<CenterRecord | undefined> {
    return this.centers.summary(code, em);
  }

  /** One history event, by its number. */
  event(dossierId: string, seq: number, em?: EntityManager): Promise<DossierEventRecord | undefined> {
    return this.dossiers.event(em, dossierId, seq);
  }

  attachments(dossierId: string, em?: EntityManager): Promise<AttachmentRecord[]> {
    return this.dossiers.attachments(dossierId, em);
  }
}
