import { PopulationRecord } from '../registries/population/population-registry.port';
import {
  Contribution,
  InsuranceRecord,
  PensionFacts,
} from '../registries/social-insurance/social-insurance-registry.port';
import {
  addDays,
  addMonths,
  addYears,
  assertIsoDate,
  monthIndexOf,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
  yearMonthOf,
} from './sandbox-dates';
import { SANDBOX_PEOPLE, SandboxPerson, SandboxScenario } from './sandbox-people.data';
import { SANDBOX_COMMUNES, SANDBOX_EMPLOYERS, sandboxAddress } from './sandbox-places.data';

/** Codes from docs/api.md's application body, suggested so that each scenario files as intended. */
export type SuggestedContractType = 'indefinite' | 'fixed_term' | 'short_term' | 'working_contract';
export type SuggestedTerminationReason =
  | 'contract_expired'
  | 'mutual_agreement'
  | 'employee_lawful_resignation'
  | 'employer_lawful_termination'
  | 'restructuring';

export interface SandboxResident {
  readonly personalId: string;
  readonly fullName: string;
  readonly scenario: SandboxScenario;
  /** A recent working day; filing today with it keeps the scenario's promise (see `old-regime-2025`). */
  readonly suggestedTerminationDate: string;
  /** Last day of the 3-month filing window for `suggestedTerminationDate` (approximate working-day shift). */
  readonly filingDeadline: string;
  readonly suggestedContractType: SuggestedContractType;
  readonly suggestedTerminationReason: SuggestedTerminationReason;
  /** Pre-2025 province code of the birth registration (first three digits of the personal ID). */
  readonly birthRegistrationProvince: string;
  /** Short English hint for testers; empty when the scenario tag says it all. */
  readonly note: string;
  readonly population: PopulationRecord;
  /** `null`: never insured (`no-record`). */
  readonly insurance: InsuranceRecord | null;
  /**
   * `new-job-later`: the months of a new job after the termination (12, from its first month). The registry adds
   * each to `insurance.contributions` only once the clock has reached it (see `SandboxDirectory.insured`).
   */
  readonly laterContributions: readonly Contribution[];
}

/** Last decision date governed by VN-2013 (DOMAIN §2); the old-regime resident's latest termination date. */
export const OLD_REGIME_LAST_DAY = '2025-12-31';

type Block = readonly [fromK: number, toK: number, employerIndex: number];

/** Months contributed, as "k months before the termination month minus one" (k = 0 is the month before it). */
function historyBlocks(person: SandboxPerson, index: number, variant: number): Block[] {
  const prev = person.employers.length > 1 ? 1 : 0;
  switch (person.scenario) {
    case 'eligible': {
      const n = person.months ?? 18 + ((index * 17) % 70);
      const lastSpan = Math.min(n, 12 + ((index * 5) % 30));
      return n > lastSpan
        ? [
            [0, lastSpan - 1, 0],
            [lastSpan + 1, n, prev],
          ]
        : [[0, n - 1, 0]];
    }
    case 'cap-zone-1':
      return [
        [0, 29, 0],
        [30, 47, prev],
      ];
    case 'exactly-12-months':
      return [
        [0, 5, 0],
        [12, 17, prev],
      ];
    case 'ineligible-11-months':
      return variant === 0
        ? [
            [0, 10, 0],
            [50, 61, prev],
          ]
        : [[0, 10, 0]];
    case 'gaps':
      return [
        [0, 0, 0],
        [2, 3, 0],
        [5, 5, 0],
        [7, 8, 0],
        [14, 20, prev],
      ];
    case 'over-144-months': {
      const n = 150 + variant * 13;
      const blocks: Block[] = [];
      for (let from = 0; from < n; from += 60) {
        blocks.push([from, Math.min(from + 59, n - 1), Math.min(from / 60, person.employers.length - 1)]);
      }
      return blocks;
    }
    case 'reserved-months': {
      const recent = [34, 20, 28][variant];
      const earlier = RESERVED_EARLIER_MONTHS[variant];
      return [
        [0, recent - 1, 0],
        [60, 60 + earlier - 1, prev],
      ];
    }
    case 'state-salary':
      return [[0, 47, 0]];
    case 'old-regime-2025':
      return variant === 0
        ? [
            [0, 25, 0],
            [27, 39, prev],
          ]
        : [[0, 25, 0]];
    case 'short-contract':
      return [
        [0, 5, 0],
        [12, 15, 1],
        [28, 31, 2],
      ];
    case 'id-mismatch':
      return [
        [0, 35, 0],
        [37, 50, prev],
      ];
    case 'new-job-later':
      return [
        [0, 29, 0],
        [31, 47, prev],
      ];
    case 'no-record':
      return [];
  }
}

/** Earlier claim: months it consumed (all listed in `usedMonths`) and the months it reserved (VN-2013 arithmetic). */
const RESERVED_EARLIER_MONTHS = [58, 45, 40];
const RESERVED_MONTHS = [10, 9, 4];

function salaryFor(person: SandboxPerson, k: number, employerIndex: number): number {
  let salary = person.salaryK * 1000 * 0.9 ** employerIndex * 1.05 ** -Math.floor(k / 12);
  if (person.scenario === 'gaps') salary *= 1 + ((k * 7) % 5) * 0.04;
  return Math.round(salary / 10_000) * 10_000;
}

function terminationDateFor(person: SandboxPerson, today: string): string {
  const recent = workingDayOnOrBefore(addDays(today, -person.daysAgo));
  if (person.scenario !== 'old-regime-2025') return recent;
  return recent <= OLD_REGIME_LAST_DAY ? recent : OLD_REGIME_LAST_DAY;
}

const CONTRACT_TYPE: Readonly<Record<SandboxScenario, SuggestedContractType | 'varied'>> = {
  eligible: 'varied',
  'cap-zone-1': 'varied',
  'exactly-12-months': 'fixed_term',
  'ineligible-11-months': 'varied',
  gaps: 'varied',
  'over-144-months': 'indefinite',
  'reserved-months': 'varied',
  'state-salary': 'working_contract',
  'old-regime-2025': 'fixed_term',
  'short-contract': 'short_term',
  'no-record': 'varied',
  'id-mismatch': 'indefinite',
  'new-job-later': 'indefinite',
};

function contractTypeFor(person: SandboxPerson, index: number): SuggestedContractType {
  const type = CONTRACT_TYPE[person.scenario];
  if (type !== 'varied') return type;
  return index % 2 === 0 ? 'indefinite' : 'fixed_term';
}

const INDEFINITE_REASONS: readonly SuggestedTerminationReason[] = [
  'mutual_agreement',
  'employee_lawful_resignation',
  'employer_lawful_termination',
  'restructuring',
];

function noteFor(person: SandboxPerson, today: string, termination: string, deadline: string): string {
  switch (person.scenario) {
    case 'old-regime-2025':
      if (today <= OLD_REGIME_LAST_DAY)
        return `Terminated in 2025 and decided in 2025: VN-2013 applies. File by ${deadline}.`;
      return today <= deadline
        ? `Terminated ${termination}, decided from 2026: VN-2025 applies (Luật 74/2025 Điều 55 k.4). File by ${deadline}.`
        : `Terminated ${termination}: every decision from 2026-01-01 applies VN-2025, but the filing window closed on ` +
            `${deadline}, so filing today is late (expected: not eligible, late filing, regime VN-2025). Use the ` +
            `calculator with a filingDate up to ${deadline} to see the VN-2025 amounts (cap at the last contribution ` +
            `month), or with filingDate and decisionDate in 2025 to see VN-2013.`;
    case 'short-contract':
      return 'Fewer than 12 months in the 24-month window, 14 in the 36-month window: eligible only as short_term (VN-2025) / seasonal (VN-2013).';
    case 'no-record':
      return 'Known to the population registry; the social-insurance registry answers 404.';
    case 'id-mismatch':
      return 'The personal ID encodes female, born 1989; the registry says male, born 1988: flags century_sex_mismatch and birth_year_mismatch.';
    case 'reserved-months':
      return 'An earlier benefit consumed the months in usedMonths and reserved reservedMonths; both matter for the duration.';
    case 'state-salary':
      return 'Paid on the State salary scale (salaryRegime "state").';
    case 'new-job-later': {
      const start = person.newJob ? `${yearMonthOf(monthIndexOf(termination) + person.newJob.monthsAfter)}-01` : '';
      return (
        `Eligible; a new job with compulsory insurance starts on ${start}. The registry reports it once the clock ` +
        `reaches that month (PUT /sandbox/clock), and the daily re-employment sweep then proposes terminating the ` +
        `benefit (new_job) from ${start}.`
      );
    }
    case 'eligible':
    case 'cap-zone-1':
    case 'exactly-12-months':
    case 'ineligible-11-months':
    case 'gaps':
    case 'over-144-months':
      return '';
  }
}

function personalIdFor(person: SandboxPerson, index: number): string {
  const year = Number(person.dateOfBirth.slice(0, 4));
  const serial = String((index * 7919 + 104729) % 1_000_000).padStart(6, '0');
  if (person.scenario === 'id-mismatch') return `${person.birthProvince}189${serial}`;
  const centuryDigit = (Math.floor(year / 100) - 19) * 2 + (person.sex === 'female' ? 1 : 0);
  return `${person.birthProvince}${centuryDigit}${String(year % 100).padStart(2, '0')}${serial}`;
}

function idCardIssueDateFor(person: SandboxPerson, index: number): string {
  const campaign = addDays('2021-03-15', index * 17);
  const fourteenth = addDays(addYears(person.dateOfBirth, 14), 45);
  return campaign > fourteenth ? campaign : fourteenth;
}

function buildResident(person: SandboxPerson, index: number, variant: number, today: string): SandboxResident {
  const personalId = personalIdFor(person, index);
  const termination = terminationDateFor(person, today);
  const deadline = workingDayOnOrAfter(addMonths(termination, 3));
  const permanentAddress = sandboxAddress(person.home, index);
  const population: PopulationRecord = {
    personalId,
    fullName: person.fullName,
    dateOfBirth: person.dateOfBirth,
    sex: person.sex,
    nationality: 'Việt Nam',
    permanentAddress,
    currentAddress: person.current ? sandboxAddress(person.current, index + 7) : permanentAddress,
    idCardIssueDate: idCardIssueDateFor(person, index),
  };

  let insurance: InsuranceRecord | null = null;
  if (person.scenario !== 'no-record') {
    const lastContributionMonth = monthIndexOf(termination) - 1;
    const contributions: Contribution[] = [];
    for (const [from, to, employerIndex] of historyBlocks(person, index, variant)) {
      const employer = SANDBOX_EMPLOYERS[person.employers[employerIndex]];
      for (let k = from; k <= to; k++) {
        contributions.push({
          month: yearMonthOf(lastContributionMonth - k),
          salary: salaryFor(person, k, employerIndex),
          employerName: employer.name,
          employerTaxCode: employer.taxCode,
          zone: employer.zone,
        });
      }
    }
    contributions.sort((a, b) => a.month.localeCompare(b.month));
    const reserved = person.scenario === 'reserved-months';
    const usedMonths = reserved ? contributions.slice(0, RESERVED_EARLIER_MONTHS[variant]).map((c) => c.month) : [];
    const provincePrefix = SANDBOX_COMMUNES[person.home].provinceCode;
    const pension = pensionFacts(person, contributions, termination);
    insurance = {
      pension,
      personalId,
      socialInsuranceNumber: provincePrefix + String((index * 48271 + 1234567) % 100_000_000).padStart(8, '0'),
      salaryRegime: SANDBOX_EMPLOYERS[person.employers[0]].state ? 'state' : 'employer',
      contributions,
      usedMonths,
      reservedMonths: reserved ? RESERVED_MONTHS[variant] : 0,
    };
  }

  const laterContributions: Contribution[] = [];
  if (person.newJob) {
    const employer = SANDBOX_EMPLOYERS[person.newJob.employer];
    const first = monthIndexOf(termination) + person.newJob.monthsAfter;
    for (let m = first; m < first + 12; m++)
      laterContributions.push({
        month: yearMonthOf(m),
        salary: Math.round((person.salaryK * 1000 * 1.05) / 10_000) * 10_000,
        employerName: employer.name,
        employerTaxCode: employer.taxCode,
        zone: employer.zone,
      });
  }

  const contractType = contractTypeFor(person, index);
  return {
    personalId,
    fullName: person.fullName,
    scenario: person.scenario,
    suggestedTerminationDate: termination,
    filingDeadline: deadline,
    suggestedContractType: contractType,
    suggestedTerminationReason:
      contractType === 'indefinite' ? INDEFINITE_REASONS[index % INDEFINITE_REASONS.length] : 'contract_expired',
    birthRegistrationProvince: person.birthProvince,
    note: noteFor(person, today, termination, deadline),
    population,
    insurance,
    laterContributions,
  };
}

/**
 * The registry's pension facts as the sandbox computes them (an approximation of Luật Bảo hiểm xã hội 2024 Điều 64):
 * the retirement age of Bộ luật Lao động 2019 Điều 169 k.2 (men 60 years 3 months in 2021, +3 months a year up to
 * 62; women 55 years 4 months in 2021, +4 months a year up to 60) reached by the termination date, and at least 15
 * years of contributions (distinct months / 12). No sandbox resident is pension-eligible with today's clock.
 */
function pensionFacts(person: SandboxPerson, contributions: Contribution[], termination: string): PensionFacts {
  const retirementAgeDate = retirementAgeDateOf(person.dateOfBirth, person.sex);
  const insuredYears = Math.floor(new Set(contributions.map((c) => c.month)).size / 12);
  return { eligible: retirementAgeDate <= termination && insuredYears >= 15, insuredYears, retirementAgeDate };
}

function retirementAgeDateOf(dateOfBirth: string, sex: 'male' | 'female'): string {
  const [start, step, cap] = sex === 'male' ? [723, 3, 744] : [664, 4, 720];
  for (let year = 2021; ; year++) {
    const months = Math.min(start + step * (year - 2021), cap);
    const date = addMonths(dateOfBirth, months);
    if (Number(date.slice(0, 4)) <= year) return date;
  }
}

/**
 * The synthetic residents as of `today` (`YYYY-MM-DD`, Việt Nam date). Deterministic: the same `today` gives the
 * same data; personal IDs, names and addresses never depend on `today`, histories are anchored to it.
 */
export function sandboxResidents(today: string): SandboxResident[] {
  assertIsoDate(today, 'today');
  const seen = new Map<SandboxScenario, number>();
  return SANDBOX_PEOPLE.map((person, index) => {
    const variant = seen.get(person.scenario) ?? 0;
    seen.set(person.scenario, variant + 1);
    return buildResident(person, index, variant, today);
  });
}
