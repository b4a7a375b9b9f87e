import { shippedCalendar } from '../calendar/shipped-calendar';
import { WorkingCalendar } from '../calendar/working-calendar';
import { assess } from '../eligibility/domain/benefit-calculator';
import { defaultLegalParameters } from '../eligibility/domain/default-legal-parameters';
import { LegalRules } from '../eligibility/domain/legal-rules';
import { assessmentInput } from '../eligibility/registry-assessment-input';
import { SandboxResident, sandboxResidents } from './sandbox-residents';

const rules = new LegalRules(defaultLegalParameters());
const calendar = new WorkingCalendar(shippedCalendar());

function filedToday(r: SandboxResident, today: string) {
  const input = assessmentInput(
    r.insurance,
    {
      terminationDate: r.suggestedTerminationDate,
      terminationReason: r.suggestedTerminationReason,
      contractType: r.suggestedContractType,
    },
    today,
  );
  return assess(input, rules, calendar);
}

// Every resident filed today with its suggested facts, through the engine with the corrected rules (one month per
// contribution, zero months not counted, round once, regime by decision date, pension facts from the registry).
describe.each(['2025-12-10', '2026-01-06', '2026-03-02', '2026-11-30', '2027-02-22'])(
  'sandbox scenarios filed on %s hold under the law in force',
  (today) => {
    const residents = sandboxResidents(today);
    const cases = residents.map((r) => [r.scenario, r.personalId, r] as const);

    it.each(cases)('%s %s', (scenario, _id, r) => {
      const a = filedToday(r, today);
      expect(a.regime).toBe(today <= '2025-12-31' ? 'VN-2013' : 'VN-2025');
      expect(r.insurance?.pension?.eligible ?? false).toBe(false);
      const codes = a.reasons.map((x) => x.code);
      if (scenario === 'ineligible-11-months' || scenario === 'no-record') {
        expect(codes).toEqual(['insufficient_contributions']);
        return;
      }
      if (scenario === 'old-regime-2025') {
        expect(r.suggestedTerminationDate <= '2025-12-31').toBe(true);
        expect(codes).toEqual(today > r.filingDeadline ? ['filed_late'] : []);
        return;
      }
      expect(codes).toEqual([]);
      if (scenario === 'cap-zone-1')
        expect([a.monthlyBenefit, r.insurance!.contributions.at(-1)!.zone]).toEqual([a.cap, 'I']);
      if (scenario === 'exactly-12-months') expect(a.contributionMonthsInWindow).toBe(12);
      if (scenario === 'over-144-months') {
        expect(a.totalContributionMonths).toBeGreaterThan(144);
        expect([a.benefitMonths, a.reservedMonthsAfter]).toEqual([
          12,
          a.regime === 'VN-2025' ? 0 : a.totalContributionMonths - 144,
        ]);
      }
      if (scenario === 'reserved-months')
        expect(a.totalContributionMonths).toBeGreaterThan(a.contributionMonthsInWindow);
      if (scenario === 'state-salary')
        expect(a.capRule).toBe(a.regime === 'VN-2013' ? 'base_salary' : 'regional_minimum_wage');
      if (scenario === 'short-contract') expect(a.windowMonths).toBe(36);
    });
  },
);
