import { canonicalJson } from '../platform/json/canonical-json';
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

  async send(event: PortalEvent, signal: AbortSignal): Promise<PortalSendResult> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': event.eventId, accept: 'application/json' },
        // Keys sorted: a retry sends the same bytes whether the event came from memory or back from jsonb.
        body: canonicalJson(event),
        signal: AbortSignal.any([signal, timeout]),
        redirect: 'error',
      });
      const text = await response.text().catch(() => '');
      if (response.ok) return { ok: true, status: response.status };
      return {
        ok: false,
        status: response.status,
        error: `HTTP ${response.status}${text ? `: ${text.slice(0, 300)}` : ''}`,
      };
    } catch (error) {
      if (signal.aborted) return { ok: false, aborted: true, error: 'interrupted: service stopping' };
      if (timeout.aborted) return { ok: false, error: `timeout after ${this.timeoutMs} ms` };
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const detail = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
      return { ok: false, error: `network error: ${detail}` };
    }
  }
}
