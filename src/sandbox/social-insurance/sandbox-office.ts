/**
 * What the sandbox social insurance office pays, decided from the events it received (pure, so it is tested on
 * its own): each approved month on the first working day on or after the month's first day; a month is failed
 * when the account number ends in 0000 (the recognisable bad account), and paid again to the corrected account
 * after a `payment_account_change` that asks for it; nothing after a revocation, nothing from a termination's
 * effective date, and not a suspended month (until a resumption names it).
 */
export interface ReceivedEvent {
  type: string;
  payload: {
    benefit?: { monthlyAmount: number; months: { month: number; from: string; to: string }[] };
    paymentAccount?: { method?: string; accountNumber?: string };
    retryMonths?: number[];
    month?: number;
    effectiveDate?: string;
  };
}

export interface OfficeAttempt {
  month: number;
  attempt: number;
  status: 'paid' | 'failed';
}

export interface DuePayment {
  month: number;
  attempt: number;
  amount: number;
  status: 'paid' | 'failed';
  paidAt: string | null;
  failureReason: string | null;
}

export const BAD_ACCOUNT_REASON = 'Số tài khoản không tồn tại hoặc đã đóng (ngân hàng trả lại).';

export const isBadAccount = (account: ReceivedEvent['payload']['paymentAccount']): boolean =>
  account?.method !== 'cash' && /0000$/.test(account?.accountNumber ?? '');

export function duePayments(
  events: readonly ReceivedEvent[],
  attempts: readonly OfficeAttempt[],
  today: string,
  firstWorkingDayOnOrAfter: (date: string) => string,
): DuePayment[] {
  const approval = events.find((e) => e.type === 'approval' && e.payload.benefit);
  if (!approval || events.some((e) => e.type === 'revocation')) return [];
  let account = approval.payload.paymentAccount;
  const retries = new Map<number, number>();
  const suspended = new Set<number>();
  let terminatedFrom: string | undefined;
  for (const e of events) {
    if (e.type === 'payment_account_change') {
      account = e.payload.paymentAccount ?? account;
      for (const m of e.payload.retryMonths ?? []) retries.set(m, (retries.get(m) ?? 0) + 1);
    }
    if (e.type === 'suspension' && e.payload.month) suspended.add(e.payload.month);
    if (e.type === 'resumption' && e.payload.month) suspended.delete(e.payload.month);
    if (e.type === 'termination') terminatedFrom = e.payload.effectiveDate ?? today;
  }
  const out: DuePayment[] = [];
  for (const m of approval.payload.benefit!.months) {
    if (suspended.has(m.month) || (terminatedFrom && m.from >= terminatedFrom)) continue;
    const payDay = firstWorkingDayOnOrAfter(m.from);
    if (payDay > today) continue;
    const mine = attempts.filter((a) => a.month === m.month).sort((a, b) => a.attempt - b.attempt);
    const last = mine[mine.length - 1];
    // A first attempt on the pay day; another only after a failure the citizen has since corrected.
    if (last && (last.status === 'paid' || mine.length > (retries.get(m.month) ?? 0))) continue;
    const bad = isBadAccount(account);
    out.push({
      month: m.month,
      attempt: mine.length + 1,
      amount: approval.payload.benefit!.monthlyAmount,
      status: bad ? 'failed' : 'paid',
      paidAt: bad ? null : last ? today : payDay,
      failureReason: bad ? BAD_ACCOUNT_REASON : null,
    });
  }
  return out;
}
