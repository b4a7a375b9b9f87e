import { postIdempotentJson } from '../platform/http/idempotent-post';
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

  send(event: SocialInsuranceEvent, signal: AbortSignal): Promise<SocialInsuranceSendResult> {
    return postIdempotentJson(this.url, event, signal, this.timeoutMs);
  }
}
