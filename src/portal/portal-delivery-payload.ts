import { PortalEvent } from './portal-outbox.repository';

/** The signed document an event reports (for APPROVED/DENIED: the decision), as the documents module issued it. */
export interface IssuedDecision {
  number: string | null;
  issuedAt: string;
  sha256: string;
  verificationCode: string;
}

/** The `decision` block of a portal event: number, time, hash and the public verification URL. */
export function decisionBlock(decision: IssuedDecision, publicBaseUrl: string): NonNullable<PortalEvent['decision']> {
  return {
    number: decision.number ?? '',
    issuedAt: decision.issuedAt,
    sha256: decision.sha256,
    url: `${publicBaseUrl.replace(/\/+$/, '')}/verify/${encodeURIComponent(decision.verificationCode)}`,
  };
}
