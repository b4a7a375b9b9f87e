import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JobStore } from '../platform/jobs/job.store';
import { decisionBlock, IssuedDecision } from './portal-delivery-payload';
import { PORTAL_QUEUE } from './portal-outbox.repository';

/** A portal event that waits for a document of its dossier. */
export interface HeldPortalEvent {
  dossierId: string;
  documentKind: string;
}

/**
 * The portal's side of "the event waits for the decision": the documents module releases a held event in the
 * transaction that issues the document, adding the decision's number, hash and URL to the payload, so the event
 * goes out with its decision and the portal never reads document tables. `held` lists what still waits, for the
 * documents module's sweep and for alerts.
 */
@Injectable()
export class PortalHolds {
  constructor(private readonly jobs: JobStore) {}

  /** Releases the dossier's events held for this document kind; returns how many were released. */
  release(
    em: EntityManager,
    dossierId: string,
    documentKind: string,
    decision: IssuedDecision,
    publicBaseUrl: string,
  ): Promise<number> {
    return this.jobs.release(em, PORTAL_QUEUE, dossierId, documentKind, {
      decision: decisionBlock(decision, publicBaseUrl),
    });
  }

  async held(limit = 500): Promise<HeldPortalEvent[]> {
    return (await this.jobs.held(PORTAL_QUEUE, limit)).map((h) => ({ dossierId: h.key, documentKind: h.hold }));
  }
}
