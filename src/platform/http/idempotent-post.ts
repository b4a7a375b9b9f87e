import { canonicalJson } from '../json/canonical-json';

/** The outcome of one delivery attempt; transport and HTTP failures are reported, never thrown. */
export type DeliveryResult =
  { ok: true; status: number } | { ok: false; error: string; status?: number; aborted?: boolean };

/**
 * POSTs an outbound event as JSON with `Idempotency-Key: <eventId>`, the way every outbox of this service delivers
 * (portal, social insurance office): keys sorted, so a retry sends the same bytes whether the event came from memory
 * or back from jsonb; no redirects; a per-attempt timeout; `signal` (the service stopping) gives the attempt back.
 */
export async function postIdempotentJson(
  url: string,
  event: { eventId: string },
  signal: AbortSignal,
  timeoutMs: number,
): Promise<DeliveryResult> {
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': event.eventId, accept: 'application/json' },
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
    if (timeout.aborted) return { ok: false, error: `timeout after ${timeoutMs} ms` };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const detail = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
    return { ok: false, error: `network error: ${detail}` };
  }
}
