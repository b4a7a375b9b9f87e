/**
 * The two legal regimes, chosen by the date of the decision (docs/domain.md §2): Luật Việc làm 74/2025/QH15 took effect
 * on 2026-01-01 and Luật Việc làm 38/2013/QH13 lapsed that day (Luật 74/2025 Điều 54); a dossier filed before then
 * and not yet decided is decided under the new law (Điều 55 khoản 4). So every decision made from 2026-01-01
 * applies VN-2025, whatever the termination date.
 */
export type Regime = 'VN-2013' | 'VN-2025';

export const REGIMES: readonly Regime[] = ['VN-2013', 'VN-2025'];

/** Last decision date governed by Luật Việc làm 38/2013/QH13. */
export const LAST_VN2013_DECISION_DATE = '2025-12-31';

/** The regime of a decision made on `decisionDate` (`YYYY-MM-DD`). */
export function regimeFor(decisionDate: string): Regime {
  return decisionDate <= LAST_VN2013_DECISION_DATE ? 'VN-2013' : 'VN-2025';
}

/** Prefix of the regime's own parameter keys, e.g. `vn2025.entitlement_start_working_day`. */
export function regimeKeyPrefix(regime: Regime): 'vn2013' | 'vn2025' {
  switch (regime) {
    case 'VN-2013':
      return 'vn2013';
    case 'VN-2025':
      return 'vn2025';
  }
}
