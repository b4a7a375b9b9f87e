import { canonicalJson } from '../platform/json/canonical-json';
import type { SocialInsuranceEvent } from './social-insurance-event';
import type { SocialInsuranceGateway, SocialInsuranceSendResult } from './social-insurance-gateway.port';

/**
 * POSTs events as JSON with `Idempotency-Key: <eventId>` to `SOCIAL_INSURANCE_SYNC_URL`, or to the sandbox office
 * served by this process (`<self>/sandbox/social-insurance/events`): the same adapter either way.
 */
export class HttpSocialInsuranceGateway implements SocialInsuranceGateway {
  constructor(
    readonly url: string,
    private readonly timeoutMs = 10000,
  ) {}

  async send(event: SocialInsuranceEvent, signal: AbortSignal): Promise<SocialInsuranceSendResult> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    try {
      const response = await fetch(this.url, {
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
      if (timeout.aborted) return { ok: false, error: `timeout after ${this.timeoutMs} ms` };
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      return { ok: false, error: `network error: ${cause?.code ?? cause?.message ?? (error as Error).message}` };
    }
  }
}
