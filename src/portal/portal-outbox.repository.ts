import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';

/** The status-change event of API.md ("National portal", outbound). */
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
}

/**
 * Outgoing portal events, written in the same transaction as the status change they report
 * (transactional outbox); the delivery worker sends them in order per dossier. An event `heldFor` a document
 * (a decision) is not sent until the documents module releases it with that document (PortalHolds).
 */
@Injectable()
export class PortalOutboxRepository {
  async enqueue(
    em: EntityManager,
    dossierId: string,
    event: Omit<PortalEvent, 'eventId'>,
    options: { heldFor?: string } = {},
  ): Promise<string> {
    const eventId = randomUUID();
    await em.query(`INSERT INTO portal_outbox (event_id, dossier_id, payload, held_for) VALUES ($1, $2, $3, $4)`, [
      eventId,
      dossierId,
      { eventId, ...event },
      options.heldFor ?? null,
    ]);
    return eventId;
  }
}
