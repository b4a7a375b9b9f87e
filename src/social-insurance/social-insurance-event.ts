import type { DossierRecord } from '../dossiers/dossier.repository';

/** The job queue that sends events to the provincial social insurance office: ordered per personal ID. */
export const SOCIAL_INSURANCE_QUEUE = 'social-insurance.send';

export const SOCIAL_INSURANCE_EVENT_TYPES = [
  'approval',
  'suspension',
  'resumption',
  'termination',
  'revocation',
  'payment_account_change',
  'transfer_out',
  'transfer_in',
] as const;
export type SocialInsuranceEventType = (typeof SOCIAL_INSURANCE_EVENT_TYPES)[number];

/** The workflow actions the office must hear of, and as what. */
export const STEP_EVENT_TYPES: Readonly<Record<string, SocialInsuranceEventType>> = {
  approve: 'approval',
  suspend: 'suspension',
  resume: 'resumption',
  terminate: 'termination',
  revoke_decision: 'revocation',
};

export interface PaymentAccount {
  method: 'bank' | 'cash';
  bankCode?: string;
  accountNumber?: string;
  accountHolder?: string;
}

export interface DecisionReference {
  number: string;
  issuedAt: string;
  sha256: string;
  url: string;
}

/** One event as the office receives it (docs/api.md, "Social insurance office"). */
export interface SocialInsuranceEvent {
  eventId: string;
  type: SocialInsuranceEventType;
  occurredAt: string;
  dossierCode: string;
  personalId: string;
  fullName: string;
  /** Approval: the signed decision (the event waits until it is issued). */
  decision?: DecisionReference;
  /** Approval: what to pay. */
  benefit?: { monthlyAmount: number; months: { month: number; from: string; to: string }[] };
  /** Approval and payment_account_change: where to pay. */
  paymentAccount?: PaymentAccount;
  /** payment_account_change: the failed months to pay again to the new account. */
  retryMonths?: number[];
  /** Suspension, resumption, termination: the step's own facts (benefit month, effective date, reason, note). */
  month?: number;
  effectiveDate?: string;
  reason?: string;
  note?: string;
}

/** The payment account on the application, in the event's shape. */
export function applicationAccount(dossier: Pick<DossierRecord, 'application'>): PaymentAccount {
  const p = dossier.application?.payment ?? {};
  return {
    method: p.method === 'cash' ? 'cash' : 'bank',
    ...(p.bankCode ? { bankCode: p.bankCode } : {}),
    ...(p.accountNumber ? { accountNumber: p.accountNumber } : {}),
    ...(p.accountHolder ? { accountHolder: p.accountHolder } : {}),
  };
}

/** The approved benefit months from the dossier's assessment: month n, its dates, the monthly amount. */
export function approvedMonths(dossier: Pick<DossierRecord, 'assessment'>): {
  monthlyAmount: number;
  months: { month: number; from: string; to: string }[];
} {
  const output = dossier.assessment?.output;
  const periods: { from: string; to: string }[] = output?.periods ?? [];
  return {
    monthlyAmount: Math.round(Number(output?.monthlyBenefit ?? 0)),
    months: periods.map((p, i) => ({ month: i + 1, from: p.from, to: p.to })),
  };
}

/** The hold of an approval event: until the dossier's approval decision is issued. */
export const decisionHold = (dossierId: string) => `decision-approval:${dossierId}`;
export const dossierOfHold = (hold: string): string | undefined =>
  hold.startsWith('decision-approval:') ? hold.slice('decision-approval:'.length) : undefined;
