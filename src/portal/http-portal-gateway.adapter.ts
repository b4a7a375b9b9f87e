import { postIdempotentJson } from '../platform/http/idempotent-post';
import { PortalEvent } from './portal-outbox.repository';
import { PortalGateway, PortalSendResult } from './portal-gateway.port';

/**
 * POSTs events as JSON with `Idempotency-Key: <eventId>` to the portal gateway, or to the embedded sandbox
 * receiver (`<self>/sandbox/portal/events`) when `PORTAL_SYNC_URL` is unset: the same adapter either way.
 */
export class HttpPortalGateway implements PortalGateway {
  constructor(
    readonly url: string,
    private readonly timeoutMs: number,
  ) {}

  send(event: PortalEvent, signal: AbortSignal): Promise<PortalSendResult> {
    return postIdempotentJson(this.url, event, signal, this.timeoutMs);
  }
}
