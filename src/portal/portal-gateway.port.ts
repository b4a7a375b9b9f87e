import type { DeliveryResult } from '../platform/http/idempotent-post';
import { PortalEvent } from './portal-outbox.repository';

/** The national portal's status-sync endpoint (docs/api.md "National portal", outbound). */
export interface PortalGateway {
  /** POSTs one event; never throws for transport or HTTP failures, it reports them. */
  send(event: PortalEvent, signal: AbortSignal): Promise<PortalSendResult>;
}

export type PortalSendResult = DeliveryResult;

export const PORTAL_GATEWAY = Symbol('PORTAL_GATEWAY');
