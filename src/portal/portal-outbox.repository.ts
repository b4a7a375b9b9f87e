import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { JobStore } from '../platform/jobs/job.store';

/** The job queue that delivers portal events: one job per event, keyed (and so ordered) by dossier. */
export const PORTAL_QUEUE = 'portal.deliver';

/** The status-change event of docs/api.md ("National portal", outbound). */
export interface PortalEvent {
  eventId: string;
  dossierCode: string;
  portalDossierCode?: string;
  personalId: string;
  procedureCode: string;
  status: string;
  portalStatusCode: number;
  occurredAt: string;
  dueDate?: string;
  actor?: { type: string; name?: string; role?: string };
  note?: string;
  decision?: { number: string; issuedAt: string; sha256: string; url: string };
  /** A benefit-period step (job-search notice, suspension, resumption, termination): what happened to the benefit. */
  benefit?: Record<string, unknown>;
}

/**
 * Outgoing portal events, written in the same transaction as the status change they report (transactional
 * outbox, as jobs of PORTAL_QUEUE); the delivery worker sends them in order per dossier. An event `heldFor` a document
 * (a decision) is not sent until the documents module releases it with that document (PortalHolds).
 */
@Injectable()
export class PortalOutboxRepository {
  constructor(private readonly jobs: JobStore) {}

  async enqueue(
    em: EntityManager,
    dossierId: string,
    event: Omit<PortalEvent, 'eventId'>,
    options: { heldFor?: string } = {},
  ): Promise<string> {
    const eventId = randomUUID();
    await this.jobs.enqueue(em, PORTAL_QUEUE, { eventId, ...event } satisfies PortalEvent, {
      key: dossierId,
      dedupeKey: eventId,
      hold: options.heldFor,
    });
    return eventId;
  }
}
