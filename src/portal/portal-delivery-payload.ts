import { PortalEvent } from './portal-outbox.repository';

/** An outbox payload as stored: the API.md event, marked `awaitsDecision` while it waits for the signed decision. */
export type StoredPortalPayload = PortalEvent & { awaitsDecision?: boolean };

/** The issued decision document (table issued_document) an APPROVED or DENIED event reports. */
export interface IssuedDecision {
  number: string | null;
  issuedAt: string;
  sha256: string;
  verificationCode: string;
}

/**
 * The body actually POSTed: the stored event, with the decision added and the internal `awaitsDecision` marker
 * removed once the decision exists. The result is written back to the outbox, so every retry of an event sends
 * the same body under the same Idempotency-Key.
 */
export function deliverablePayload(
  stored: StoredPortalPayload,
  decision: IssuedDecision | null,
  publicBaseUrl: string,
): PortalEvent {
  const { awaitsDecision, ...event } = stored;
  if (!awaitsDecision) return event;
  if (!decision) throw new Error(`portal event ${stored.eventId} still awaits its decision`);
  return {
    ...event,
    decision: {
      number: decision.number ?? '',
      issuedAt: decision.issuedAt,
      sha256: decision.sha256,
      url: `${publicBaseUrl.replace(/\/+$/, '')}/verify/${encodeURIComponent(decision.verificationCode)}`,
    },
  };
}
