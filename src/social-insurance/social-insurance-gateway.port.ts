import type { DeliveryResult } from '../platform/http/idempotent-post';
import type { SocialInsuranceEvent } from './social-insurance-event';

export type SocialInsuranceSendResult = DeliveryResult;

/** The provincial social insurance office's receiving endpoint (`SOCIAL_INSURANCE_SYNC_URL`). */
export interface SocialInsuranceGateway {
  /** POSTs one event; never throws for transport or HTTP failures, it reports them. */
  send(event: SocialInsuranceEvent, signal: AbortSignal): Promise<SocialInsuranceSendResult>;
}

export const SOCIAL_INSURANCE_GATEWAY = Symbol('SOCIAL_INSURANCE_GATEWAY');
