/** The two legal regimes, chosen by the termination date (DOMAIN.md §2). */
export type Regime = 'VN-2013' | 'VN-2025';

export const REGIMES: readonly Regime[] = ['VN-2013', 'VN-2025'];

/** Last termination date governed by Luật Việc làm 38/2013/QH13. */
export const LAST_VN2013_TERMINATION_DATE = '2025-12-31';

export function regimeFor(terminationDate: string): Regime {
  return terminationDate <= LAST_VN2013_TERMINATION_DATE ? 'VN-2013' : 'VN-2025';
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
