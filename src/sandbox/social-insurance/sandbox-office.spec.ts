import { duePayments, ReceivedEvent } from './sandbox-office';

const months = [
  { month: 1, from: '2026-12-05', to: '2027-01-04' },
  { month: 2, from: '2027-01-05', to: '2027-02-04' },
];
const approval = (accountNumber: string): ReceivedEvent => ({
  type: 'approval',
  payload: { benefit: { monthlyAmount: 4_000_000, months }, paymentAccount: { method: 'bank', accountNumber } },
});
/** Saturday 2026-12-05 → Monday 2026-12-07; every other day is a working day here. */
const firstWorkingDay = (d: string) => (d === '2026-12-05' ? '2026-12-07' : d);

describe('sandbox office: what it pays and when', () => {
  it('pays a month on its first working day, not before', () => {
    expect(duePayments([approval('0123456789')], [], '2026-12-06', firstWorkingDay)).toEqual([]);
    expect(duePayments([approval('0123456789')], [], '2026-12-07', firstWorkingDay)).toEqual([
      { month: 1, attempt: 1, amount: 4_000_000, status: 'paid', paidAt: '2026-12-07', failureReason: null },
    ]);
  });

  it('fails for an account ending in 0000, retries only after a correction that names the month', () => {
    const [failed] = duePayments([approval('1234560000')], [], '2026-12-07', firstWorkingDay);
    expect(failed).toMatchObject({ status: 'failed', paidAt: null });
    const attempts = [{ month: 1, attempt: 1, status: 'failed' as const }];
    expect(duePayments([approval('1234560000')], attempts, '2026-12-08', firstWorkingDay)).toEqual([]);
    const corrected: ReceivedEvent = {
      type: 'payment_account_change',
      payload: { paymentAccount: { method: 'bank', accountNumber: '0123456789' }, retryMonths: [1] },
    };
    expect(duePayments([approval('1234560000'), corrected], attempts, '2026-12-08', firstWorkingDay)).toEqual([
      { month: 1, attempt: 2, amount: 4_000_000, status: 'paid', paidAt: '2026-12-08', failureReason: null },
    ]);
  });

  it('pays nothing after a revocation, nothing from a termination, not a suspended month', () => {
    const all = '2027-01-10';
    expect(duePayments([approval('1'), { type: 'revocation', payload: {} }], [], all, firstWorkingDay)).toEqual([]);
    const terminated = { type: 'termination', payload: { effectiveDate: '2027-01-01' } };
    expect(duePayments([approval('1'), terminated], [], all, firstWorkingDay).map((p) => p.month)).toEqual([1]);
    const suspended = { type: 'suspension', payload: { month: 1 } };
    expect(duePayments([approval('1'), suspended], [], all, firstWorkingDay).map((p) => p.month)).toEqual([2]);
  });
});
