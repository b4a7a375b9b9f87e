import { DomainError } from '../../platform/errors/domain-error';
import { addMonthsClamped, monthFromIndex, monthIndex } from '../../calendar/iso-date';
import { WorkingCalendar } from '../../calendar/working-calendar';
import {
  Assessment,
  AssessmentCondition,
  AssessmentInput,
  AssessmentReason,
  CapRule,
  ConditionCode,
  ContractType,
  IneligibilityCode,
  ProjectedField,
} from './assessment';
import { assertValidAssessmentInput } from './assessment-input-validation';
import { benefitPeriods } from './benefit-periods';
import {
  LegalParameterRow,
  LegalRules,
  MissingLegalParameterError,
  RegimeParameterName,
  Zone,
  regimeParameterKey,
} from './legal-rules';
import { Regime, regimeFor } from './regime';

/**
 * The unemployment-benefit assessment of docs/domain.md §2: conditions, amount, duration, reserved months, filing
 * deadline and benefit months, under the regime in force on the decision date (`decisionDate`, default the filing
 * date; a live dossier is re-assessed at its decision by calling this with the decision date).
 * Pure: the figures come from `rules`, the working days from `calendar`.
 * Throws DomainError.validation for malformed input or when no figure is in force for the dates given.
 */
export function assess(input: AssessmentInput, rules: LegalRules, calendar: WorkingCalendar): Assessment {
  assertValidAssessmentInput(input);
  try {
    return assessValid(input, rules, calendar);
  } catch (error) {
    if (error instanceof MissingLegalParameterError) {
      throw DomainError.validation(
        [
          {
            // A regime figure is read at the decision date, the minimum wage / base salary around the termination.
            field: error.key.includes('.') ? (input.decisionDate ? 'decisionDate' : 'filingDate') : 'terminationDate',
            code: 'no_rules_in_force',
            message: 'Chưa có quy định áp dụng cho thời điểm này.',
          },
        ],
        error.message,
      );
    }
    throw error;
  }
}

function assessValid(input: AssessmentInput, rules: LegalRules, calendar: WorkingCalendar): Assessment {
  const decisionDate = input.decisionDate ?? input.filingDate;
  const regime = regimeFor(decisionDate);
  const used = new Map<string, LegalParameterRow>();
  // The regime's own figures are those in force on the decision date (the law applied is the law then in force).
  const figure = (name: RegimeParameterName): number => {
    const { value, row } = rules.valueAt(regimeParameterKey(regime, name), decisionDate);
    used.set(rowId(row), row);
    return value;
  };
  const figureAt = (key: string, date: string, zone: Zone | null): number => {
    const { value, row } = rules.valueAt(key, date, zone);
    used.set(rowId(row), row);
    return value;
  };

  // Contribution months: a month with a contribution salary above zero, at or before the termination month (later
  // months cannot belong to the contract that ended). Validation guarantees one entry per month.
  const terminationMonth = monthIndex(input.terminationDate);
  const salaryByMonth = new Map<number, number>();
  for (const { month, salary } of input.contributions) {
    const index = monthIndex(month);
    if (index <= terminationMonth && salary > 0) salaryByMonth.set(index, salary);
  }
  const months = [...salaryByMonth.keys()].sort((a, b) => b - a);

  const windowMonths = usesExtendedWindow(input.contractType)
    ? figure('extended_contribution_window_months')
    : figure('contribution_window_months');
  const windowStart = terminationMonth - windowMonths + 1;
  const contributionMonthsInWindow = months.filter((m) => m >= windowStart).length;
  const totalContributionMonths = months.length + (input.priorReservedMonths ?? 0);

  const lastSix = months.slice(0, 6);
  const lastSixSum = lastSix.reduce((sum, m) => sum + (salaryByMonth.get(m) ?? 0), 0);
  const averageSalary = lastSix.length === 0 ? 0 : Math.floor(lastSixSum / lastSix.length);
  const lastContributionMonth = months.length > 0 ? monthFromIndex(months[0]) : null;

  const capRule: CapRule =
    regime === 'VN-2013' && input.salaryRegime === 'state' ? 'base_salary' : 'regional_minimum_wage';
  // VN-2025 (Luật 74/2025 Điều 39 k.1): the minimum wage in force in the last contribution month. Without any
  // contribution in the window the worker is not eligible and the cap is only informative: read at the termination
  // month. VN-2013 (Luật 38/2013 Điều 50 k.1): the figure "tại thời điểm chấm dứt hợp đồng", i.e. on the
  // termination date itself.
  const capMonth = months.length > 0 && months[0] >= windowStart ? months[0] : terminationMonth;
  const capDate = regime === 'VN-2013' ? input.terminationDate : `${monthFromIndex(capMonth)}-01`;
  const cap =
    figure('cap_multiplier') *
    (capRule === 'base_salary'
      ? figureAt('base_salary', capDate, null)
      : figureAt('regional_minimum_wage', capDate, input.zone));

  const rawFilingDeadline = addMonthsClamped(input.terminationDate, figure('filing_window_months'));
  const filingDeadline = calendar.nextWorkingDayOnOrAfter(rawFilingDeadline);

  const minContributionMonths = figure('min_contribution_months');
  const conditions = evaluateConditions(input, regime, {
    contributionMonthsInWindow,
    windowMonths,
    minContributionMonths,
    filingDeadline,
  });
  const reasons = conditions.filter((c) => !c.passed).map((c) => reasonFor(c));
  const eligible = reasons.length === 0;

  const monthsPerBenefitMonth = figure('months_per_benefit_month');
  const minBenefitMonths = figure('min_benefit_months');
  const maxBenefitMonths = figure('max_benefit_months');
  const rate = figure('benefit_rate_percent');
  const benefitMonths = eligible
    ? Math.min(
        maxBenefitMonths,
        Math.max(minBenefitMonths, Math.floor(totalContributionMonths / monthsPerBenefitMonth)),
      )
    : 0;
  // 60 % of the exact average, rounded down once: floor(sum × rate / (100 × n)), not 60 % of a rounded average.
  const monthlyBenefit =
    eligible && lastSix.length > 0 ? Math.min(Math.floor((lastSixSum * rate) / (100 * lastSix.length)), cap) : 0;

  let reservedMonthsAfter: number;
  if (!eligible) {
    reservedMonthsAfter = totalContributionMonths;
  } else if (regime === 'VN-2025') {
    const upperLimit = figure('reserve_upper_limit_months');
    const lowerLimit = minBenefitMonths * monthsPerBenefitMonth;
    reservedMonthsAfter =
      totalContributionMonths > lowerLimit && totalContributionMonths <= upperLimit
        ? Math.max(0, totalContributionMonths - monthsPerBenefitMonth * benefitMonths)
        : 0;
  } else {
    reservedMonthsAfter = Math.max(0, totalContributionMonths - monthsPerBenefitMonth * benefitMonths);
  }

  const entitlementStart = eligible
    ? calendar.nthWorkingDay(input.filingDate, figure('entitlement_start_working_day'))
    : null;
  const periods = entitlementStart ? benefitPeriods(entitlementStart, benefitMonths) : [];

  // Dates computed from a projected calendar year (holidays not announced yet) are estimates ("dự kiến").
  const deadlineYears = calendar.projectedYearsBetween(rawFilingDeadline, filingDeadline);
  const startYears = entitlementStart ? calendar.projectedYearsBetween(input.filingDate, entitlementStart) : [];
  const projectedFields: ProjectedField[] = [
    ...(deadlineYears.length ? (['filingDeadline'] as const) : []),
    ...(startYears.length ? (['entitlementStart', 'entitlementEnd', 'periods'] as const) : []),
  ];
  const projectedYears = [...new Set([...deadlineYears, ...startYears])].sort((a, b) => a - b);

  const parametersUsed = [...used.values()].sort(
    (a, b) =>
      a.key.localeCompare(b.key) ||
      (a.zone ?? '').localeCompare(b.zone ?? '') ||
      a.effectiveFrom.localeCompare(b.effectiveFrom),
  );
  const latestEffective = parametersUsed.reduce(
    (latest, r) => (r.effectiveFrom > latest ? r.effectiveFrom : latest),
    '',
  );

  return {
    eligible,
    reasons,
    regime,
    decisionDate,
    contributionMonthsInWindow,
    totalContributionMonths,
    averageSalary,
    cap,
    monthlyBenefit,
    benefitMonths,
    reservedMonthsAfter,
    entitlementStart,
    entitlementEnd: periods.length > 0 ? periods[periods.length - 1].to : null,
    periods,
    filingDeadline,
    projectedYears,
    projectedFields,
    conditions,
    capRule,
    windowMonths,
    lastContributionMonth,
    ruleSetVersion: `${regime}@${latestEffective}`,
    parametersUsed: parametersUsed.map((r) => ({ ...r })),
  };
}

/**
 * 36-month window for contracts of 1 to under 12 months (VN-2025) and for seasonal / task contracts of 3 to under
 * 12 months (VN-2013); `short_term` and `seasonal` both describe such contracts in either regime.
 */
function usesExtendedWindow(contractType: ContractType): boolean {
  switch (contractType) {
    case 'short_term':
    case 'seasonal':
      return true;
    case 'indefinite':
    case 'fixed_term':
    case 'working_contract':
      return false;
  }
}

interface ConditionFacts {
  contributionMonthsInWindow: number;
  windowMonths: number;
  minContributionMonths: number;
  filingDeadline: string;
}

function evaluateConditions(input: AssessmentInput, regime: Regime, facts: ConditionFacts): AssessmentCondition[] {
  const reason = input.terminationReason;
  const filedBeforeTermination = input.filingDate < input.terminationDate;
  // Pension eligibility is a fact about the person (input.pensionEligible, from the social-insurance registry); the
  // old reason code `pension_eligible` keeps meaning the same.
  const pensionEligibleExcluded =
    regime === 'VN-2025' && (input.pensionEligible === true || reason === 'pension_eligible');
  return [
    condition(
      'lawful_termination',
      reason !== 'employee_unlawful_resignation',
      'Hợp đồng lao động, hợp đồng làm việc chấm dứt đúng pháp luật.',
      'Người lao động đơn phương chấm dứt hợp đồng trái pháp luật nên không được hưởng trợ cấp thất nghiệp.',
    ),
    condition(
      'not_pension_eligible',
      !pensionEligibleExcluded,
      regime === 'VN-2025'
        ? 'Người lao động chưa đủ điều kiện hưởng lương hưu.'
        : 'Luật Việc làm 2013 không loại trừ người đã đủ điều kiện nhưng chưa hưởng lương hưu.',
      'Người lao động đã đủ điều kiện hưởng lương hưu nên không được hưởng trợ cấp thất nghiệp (Luật Việc làm 2025).',
    ),
    condition(
      'not_receiving_pension',
      reason !== 'receiving_pension',
      'Người lao động không hưởng lương hưu hoặc trợ cấp mất sức lao động hằng tháng.',
      'Người lao động đang hưởng lương hưu hoặc trợ cấp mất sức lao động hằng tháng nên không được hưởng trợ cấp thất nghiệp.',
    ),
    condition(
      'minimum_contributions',
      facts.contributionMonthsInWindow >= facts.minContributionMonths,
      `Đã đóng bảo hiểm thất nghiệp ${facts.contributionMonthsInWindow} tháng trong ${facts.windowMonths} tháng trước khi chấm dứt hợp đồng (cần ít nhất ${facts.minContributionMonths} tháng).`,
      `Chỉ đóng bảo hiểm thất nghiệp ${facts.contributionMonthsInWindow} tháng trong ${facts.windowMonths} tháng trước khi chấm dứt hợp đồng, chưa đủ ${facts.minContributionMonths} tháng.`,
    ),
    condition(
      'filed_after_termination',
      !filedBeforeTermination,
      'Hồ sơ nộp từ ngày chấm dứt hợp đồng trở về sau.',
      `Ngày nộp hồ sơ ${dmy(input.filingDate)} trước ngày chấm dứt hợp đồng ${dmy(input.terminationDate)}.`,
    ),
    condition(
      'filed_within_deadline',
      input.filingDate <= facts.filingDeadline,
      `Hồ sơ nộp trong thời hạn 3 tháng kể từ ngày chấm dứt hợp đồng (hạn cuối ${dmy(facts.filingDeadline)}).`,
      `Hồ sơ nộp ngày ${dmy(input.filingDate)}, quá hạn 3 tháng kể từ ngày chấm dứt hợp đồng (hạn cuối ${dmy(facts.filingDeadline)}).`,
    ),
  ];
}

function condition(
  code: ConditionCode,
  passed: boolean,
  passedMessage: string,
  failedMessage: string,
): AssessmentCondition {
  return { code, passed, message: passed ? passedMessage : failedMessage };
}

function reasonFor(failed: AssessmentCondition): AssessmentReason {
  return { code: REASON_BY_CONDITION[failed.code], message: failed.message };
}

const REASON_BY_CONDITION: Record<ConditionCode, IneligibilityCode> = {
  lawful_termination: 'unlawful_termination',
  not_pension_eligible: 'pension_eligible',
  not_receiving_pension: 'receiving_pension',
  minimum_contributions: 'insufficient_contributions',
  filed_after_termination: 'filing_before_termination',
  filed_within_deadline: 'filed_late',
};

function rowId(row: LegalParameterRow): string {
  return `${row.key}#${row.zone ?? ''}#${row.effectiveFrom}`;
}

function dmy(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}
