import { checkAgainstRegistry } from '../personal-id/personal-id-registry-check';
import { PersonalId } from '../personal-id/personal-id';
import { parseInsuranceRecord } from '../registries/social-insurance/insurance-record.parser';
import { parsePopulationRecord } from '../registries/population/population-record.parser';
import { Contribution } from '../registries/social-insurance/social-insurance-registry.port';
import { SandboxResident, sandboxResidents } from './sandbox-residents';
import { SANDBOX_SCENARIOS } from './sandbox-people.data';
import { SANDBOX_CENTERS, SANDBOX_STAFF } from './sandbox-staff';
import { addMonths, isWorkingDay, monthIndexOf } from './sandbox-dates';

const ZONE_I_MINIMUM_2026 = 5_310_000;

/** Distinct contributed months in the `size` calendar months ending with the termination month. */
function monthsInWindow(r: SandboxResident, size: number): number {
  const end = monthIndexOf(r.suggestedTerminationDate);
  const months = new Set(
    r.insurance!.contributions.map((c) => monthIndexOf(c.month)).filter((m) => m <= end && m > end - size),
  );
  return months.size;
}

function lastSix(r: SandboxResident): Contribution[] {
  return r.insurance!.contributions.slice(-6);
}

function ofScenario(residents: SandboxResident[], scenario: string): SandboxResident[] {
  const found = residents.filter((r) => r.scenario === scenario);
  expect(found.length).toBeGreaterThan(0);
  return found;
}

// Several anchors: an ordinary day, a year end, just after Tết, a leap day, and the day the data was written.
describe.each(['2026-11-27', '2026-12-31', '2027-02-22', '2028-02-29', '2026-03-02'])(
  'sandbox residents on %s',
  (today) => {
    const residents = sandboxResidents(today);

    it('is deterministic and holds at least 50 residents with unique personal IDs', () => {
      expect(sandboxResidents(today)).toEqual(residents);
      expect(residents.length).toBeGreaterThanOrEqual(50);
      expect(new Set(residents.map((r) => r.personalId)).size).toBe(residents.length);
    });

    it('tags every scenario, with several eligible residents and exactly one id-mismatch', () => {
      for (const scenario of SANDBOX_SCENARIOS) ofScenario(residents, scenario);
      expect(ofScenario(residents, 'eligible').length).toBeGreaterThanOrEqual(5);
      expect(ofScenario(residents, 'id-mismatch')).toHaveLength(1);
    });

    it('passes the production adapters’ shape checks', () => {
      for (const r of residents) {
        expect(parsePopulationRecord(JSON.parse(JSON.stringify(r.population)))).toEqual(r.population);
        if (r.insurance) expect(parseInsuranceRecord(JSON.parse(JSON.stringify(r.insurance)))).toEqual(r.insurance);
      }
    });

    it('gives personal IDs consistent with birth province, sex and year, except the id-mismatch resident', () => {
      for (const r of residents) {
        const id = PersonalId.of(r.personalId);
        expect(id.placeCode).toBe(r.birthRegistrationProvince);
        expect(id.birthRegistrationProvince).toBeDefined();
        const flags = checkAgainstRegistry(id, r.population);
        if (r.scenario === 'id-mismatch') expect(flags).toEqual(['century_sex_mismatch', 'birth_year_mismatch']);
        else expect(flags).toEqual([]);
      }
    });

    it('suggests a recent working day within the filing window (old regime: the last day of 2025 at the latest)', () => {
      for (const r of residents) {
        expect(isWorkingDay(r.suggestedTerminationDate)).toBe(true);
        expect(r.suggestedTerminationDate < today).toBe(true);
        if (r.scenario === 'old-regime-2025') {
          expect(r.suggestedTerminationDate <= '2025-12-31').toBe(true);
          if (today > r.filingDeadline) expect(r.note).toMatch(/late/);
          continue;
        }
        expect(addMonths(r.suggestedTerminationDate, 3) >= today).toBe(true);
        expect(r.filingDeadline >= today).toBe(true);
      }
    });

    it('keeps histories before the termination month, after the 18th birthday, at or above the 2026 zone IV minimum', () => {
      for (const r of residents.filter((x) => x.insurance)) {
        const end = monthIndexOf(r.suggestedTerminationDate);
        const adult = monthIndexOf(r.population.dateOfBirth) + 18 * 12;
        for (const c of r.insurance!.contributions) {
          expect(monthIndexOf(c.month)).toBeLessThan(end);
          expect(monthIndexOf(c.month)).toBeGreaterThanOrEqual(adult);
          expect(c.salary).toBeGreaterThanOrEqual(3_700_000);
        }
        expect(monthIndexOf(r.insurance!.contributions.at(-1)!.month)).toBe(end - 1);
      }
    });

    it('eligible: at least 12 months in the 24-month window', () => {
      for (const r of ofScenario(residents, 'eligible')) expect(monthsInWindow(r, 24)).toBeGreaterThanOrEqual(12);
    });

    it('exactly-12-months: exactly 12 months in the 24-month window', () => {
      for (const r of ofScenario(residents, 'exactly-12-months')) expect(monthsInWindow(r, 24)).toBe(12);
    });

    it('ineligible-11-months: 11 months in the 24-month window, and fewer than 12 in 36', () => {
      for (const r of ofScenario(residents, 'ineligible-11-months')) {
        expect(monthsInWindow(r, 24)).toBe(11);
        expect(monthsInWindow(r, 36)).toBeLessThan(12);
      }
    });

    it('short-contract: fewer than 12 in 24 months, at least 12 in 36', () => {
      for (const r of ofScenario(residents, 'short-contract')) {
        expect(monthsInWindow(r, 24)).toBeLessThan(12);
        expect(monthsInWindow(r, 36)).toBeGreaterThanOrEqual(12);
      }
    });

    it('gaps: the last six contributions are not consecutive, and the window still holds 12+', () => {
      for (const r of ofScenario(residents, 'gaps')) {
        const six = lastSix(r).map((c) => monthIndexOf(c.month));
        expect(six[5] - six[0]).toBeGreaterThan(5);
        expect(monthsInWindow(r, 24)).toBeGreaterThanOrEqual(12);
      }
    });

    it('over-144-months: more than 144 unused contribution months', () => {
      for (const r of ofScenario(residents, 'over-144-months')) {
        expect(r.insurance!.contributions.length).toBeGreaterThan(144);
        expect(r.insurance!.usedMonths).toEqual([]);
      }
    });

    it('cap-zone-1: zone I, and 60 % of the last six months’ average exceeds 5 × 5,310,000', () => {
      for (const r of ofScenario(residents, 'cap-zone-1')) {
        const six = lastSix(r);
        expect(six.every((c) => c.zone === 'I')).toBe(true);
        const average = six.reduce((sum, c) => sum + c.salary, 0) / 6;
        expect(average * 0.6).toBeGreaterThan(5 * ZONE_I_MINIMUM_2026);
      }
    });

    it('reserved-months: reserved months plus used months that are real contributions, and 12+ unused in the window', () => {
      for (const r of ofScenario(residents, 'reserved-months')) {
        const ins = r.insurance!;
        expect(ins.reservedMonths).toBeGreaterThan(0);
        expect(ins.usedMonths.length).toBeGreaterThan(0);
        const contributed = new Set(ins.contributions.map((c) => c.month));
        for (const m of ins.usedMonths) expect(contributed.has(m)).toBe(true);
        const end = monthIndexOf(r.suggestedTerminationDate);
        expect(ins.usedMonths.every((m) => monthIndexOf(m) < end - 36)).toBe(true);
        expect(monthsInWindow(r, 24)).toBeGreaterThanOrEqual(12);
      }
    });

    it('state-salary: salary regime state', () => {
      for (const r of ofScenario(residents, 'state-salary')) expect(r.insurance!.salaryRegime).toBe('state');
      for (const r of residents.filter((x) => x.scenario !== 'state-salary' && x.insurance)) {
        expect(r.insurance!.salaryRegime).toBe('employer');
      }
    });

    it('old-regime-2025: terminated in 2025 with 12+ months in its window', () => {
      for (const r of ofScenario(residents, 'old-regime-2025')) {
        expect(r.suggestedTerminationDate.startsWith('2025-') || r.suggestedTerminationDate < '2025-12-31').toBe(true);
        expect(monthsInWindow(r, 24)).toBeGreaterThanOrEqual(12);
      }
    });

    it('no-record: no social-insurance record', () => {
      for (const r of ofScenario(residents, 'no-record')) expect(r.insurance).toBeNull();
    });
  },
);

describe('sandbox residents, content', () => {
  const residents = sandboxResidents('2026-11-27');
  const names = residents.map((r) => r.fullName);

  it('includes the names the README promises', () => {
    for (const name of ['Nguyễn Thị Ánh Tuyết', 'Đặng Hữu Phước', 'Trương Thị Ngọc Ẩn', 'Lê Văn Hưởng']) {
      expect(names).toContain(name);
    }
  });

  it('stores every name NFC and covers ă â đ ê ô ơ ư and all five tones', () => {
    for (const name of names) expect(name).toBe(name.normalize('NFC'));
    const decomposed = names.join(' ').toLowerCase().normalize('NFD');
    expect(names.join(' ').toLowerCase()).toContain('đ');
    for (const [label, mark] of [
      ['ă (breve)', 'a\u0306'],
      ['â (circumflex a)', 'a\u0302'],
      ['ê', 'e\u0302'],
      ['ô', 'o\u0302'],
      ['ơ (horn)', 'o\u031b'],
      ['ư (horn)', 'u\u031b'],
      ['sắc', '\u0301'],
      ['huyền', '\u0300'],
      ['hỏi', '\u0309'],
      ['ngã', '\u0303'],
      ['nặng', '\u0323'],
    ]) {
      expect({ label, found: decomposed.includes(mark) }).toEqual({ label, found: true });
    }
  });

  it('lives in several provinces, including Đồng Nai wards that were Bình Phước before 2025', () => {
    const provinces = new Set(residents.map((r) => r.population.permanentAddress.provinceName));
    expect(provinces).toEqual(
      new Set(['Tỉnh Đồng Nai', 'Thành phố Hồ Chí Minh', 'Thành phố Hà Nội', 'Thành phố Cần Thơ']),
    );
    const exBinhPhuoc = residents.filter(
      (r) => r.birthRegistrationProvince === '070' && r.population.permanentAddress.provinceName === 'Tỉnh Đồng Nai',
    );
    expect(exBinhPhuoc.length).toBeGreaterThan(0);
  });

  it('staff: every center-level role in at least two centers; directors and admins at province level', () => {
    const codes = SANDBOX_CENTERS.map((c) => c.code);
    expect(codes).toEqual(expect.arrayContaining(['DNA-BH', 'DNA-DX']));
    for (const role of ['receiver', 'reviewer', 'center_head'] as const) {
      const centers = new Set(SANDBOX_STAFF.filter((s) => s.role === role).map((s) => s.centerCode));
      expect(centers.size).toBeGreaterThanOrEqual(2);
      for (const c of centers) expect(codes).toContain(c);
    }
    for (const role of ['director', 'admin'] as const) {
      const accounts = SANDBOX_STAFF.filter((s) => s.role === role);
      expect(accounts.length).toBeGreaterThanOrEqual(2);
      expect(accounts.every((s) => s.centerCode === null)).toBe(true);
    }
    expect(new Set(SANDBOX_STAFF.map((s) => s.username)).size).toBe(SANDBOX_STAFF.length);
  });
});
