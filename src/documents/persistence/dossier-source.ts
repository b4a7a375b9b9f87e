import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { vietnamDate } from '../../platform/clock/clock';
import { DossierReader } from '../../dossiers/dossier-reader';
import type { CenterRecord } from '../../dossiers/center-directory';
import type { DossierSnapshot, TriggeringEvent } from '../domain/document-data.builder';

/** What the documents module reads of a dossier, through the dossiers module's read port. */
@Injectable()
export class DossierSource {
  constructor(private readonly dossiers: DossierReader) {}

  async snapshot(
    dossierId: string,
    em?: EntityManager,
  ): Promise<{ dossier: DossierSnapshot; center: CenterRecord } | undefined> {
    const d = await this.dossiers.find(dossierId, em);
    if (!d) return undefined;
    const center = await this.dossiers.center(d.centerCode, em);
    if (!center) return undefined;
    const filedAt = new Date(d.filedAt);
    return {
      dossier: {
        id: d.id,
        code: d.code,
        personalId: d.personalId,
        channel: d.channel,
        fullName: d.fullName,
        applicant: d.applicant,
        application: d.application,
        assessment: d.assessment,
        supplement: d.supplement,
        decisionNote: d.decisionNote,
        filedAt,
        receivedAt: d.receivedAt ? new Date(d.receivedAt) : null,
        dueDate: d.dueDate,
        terminationDate: d.terminationDate,
        filedOn: vietnamDate(filedAt),
      },
      center,
    };
  }

  /** Owner and center, for access checks. */
  async owner(dossierId: string): Promise<{ personalId: string; centerCode: string } | undefined> {
    const d = await this.dossiers.find(dossierId);
    return d ? { personalId: d.personalId, centerCode: d.centerCode } : undefined;
  }

  /** The history event that asked for a document. */
  async event(em: EntityManager, dossierId: string, seq: number): Promise<TriggeringEvent | undefined> {
    const e = await this.dossiers.event(dossierId, seq, em);
    return e
      ? { seq: e.seq, occurredAt: new Date(e.occurredAt), actorName: e.actorName, note: e.note, data: e.data }
      : undefined;
  }

  async attachments(em: EntityManager, dossierId: string): Promise<{ kind: string; fileName: string }[]> {
    return (await this.dossiers.attachments(dossierId, em)).map(({ kind, fileName }) => ({ kind, fileName }));
  }
}
