import { vietnamToday } from '../../src/sandbox/sandbox-dates';
import { SandboxResident, sandboxResidents } from '../../src/sandbox/sandbox-residents';

/** Sandbox residents of a scenario, for tests (the sandbox anchors them to today). */
export function residents(scenario: string): SandboxResident[] {
  return sandboxResidents(vietnamToday()).filter((r) => r.scenario === scenario);
}

/** A realistic application body for a sandbox resident. */
export function applicationFor(
  resident: SandboxResident,
  centerCode = 'DNA-BH',
  overrides: Record<string, unknown> = {},
) {
  return {
    terminationDate: resident.suggestedTerminationDate,
    terminationReason: resident.suggestedTerminationReason,
    contractType: resident.suggestedContractType,
    lastEmployer: {
      name: 'Công ty TNHH Điện tử Biên Hòa',
      taxCode: '3600123456',
      address: 'KCN Biên Hòa 2, phường Long Bình, tỉnh Đồng Nai',
    },
    centerCode,
    payment: {
      method: 'bank',
      bankCode: 'VCB',
      accountNumber: '0123456789',
      accountHolder: resident.fullName.toUpperCase(),
    },
    phone: '0912345678',
    email: 'cong.dan@example.vn',
    declarationAccepted: true,
    ...overrides,
  };
}

/**
 * The eligibility output of an approved three-month benefit (5,520,000 VND a month from 16 November 2026), as the
 * document tests store it on a dossier they seed directly.
 */
export const APPROVED_OUTPUT = {
  eligible: true,
  reasons: [],
  monthlyBenefit: 5_520_000,
  benefitMonths: 3,
  averageSalary: 9_200_000,
  totalContributionMonths: 40,
  reservedMonthsAfter: 4,
  entitlementStart: '2026-11-16',
  entitlementEnd: '2027-02-15',
  periods: [
    { from: '2026-11-16', to: '2026-12-15' },
    { from: '2026-12-16', to: '2027-01-15' },
    { from: '2027-01-16', to: '2027-02-15' },
  ],
};
