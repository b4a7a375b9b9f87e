import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { decisionBlock, IssuedDecision } from './portal-delivery-payload';

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
  constructor(private readonly dataSource: DataSource) {}

  /** Releases the dossier's events held for this document kind; returns how many were released. */
  async release(
    em: EntityManager,
    dossierId: string,
    documentKind: string,
    decision: IssuedDecision,
    publicBaseUrl: string,
  ): Promise<number> {
    const [, count] = await em.query(
      `UPDATE portal_outbox SET held_for = NULL, payload = payload || jsonb_build_object('decision', $3::jsonb),
         next_attempt_at = now()
       WHERE dossier_id = $1 AND held_for = $2`,
      [dossierId, documentKind, JSON.stringify(decisionBlock(decision, publicBaseUrl))],
    );
    return Number(count ?? 0);
  }

  async held(limit = 500): Promise<HeldPortalEvent[]> {
    return this.dataSource.query(
      `SELECT DISTINCT dossier_id AS "dossierId", held_for AS "documentKind" FROM portal_outbox
       WHERE held_for IS NOT NULL AND status <> 'delivered' LIMIT $1`,
      [limit],
    );
  }
}
