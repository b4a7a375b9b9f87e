import { birthRegistrationProvince } from '../personal-id/province-codes';
import { monthIndexOf } from './sandbox-dates';
import { SANDBOX_PEOPLE } from './sandbox-people.data';
import { SandboxResident, sandboxResidents } from './sandbox-residents';
import { SANDBOX_CENTERS, SANDBOX_DEPARTMENT, SANDBOX_STAFF } from './sandbox-staff';

/** Any date works: the rendered columns do not depend on it (dates are described relative to "today"). */
const REFERENCE_TODAY = '2026-11-27';

function windowCount(r: SandboxResident, size: number): number {
  const end = monthIndexOf(r.suggestedTerminationDate);
  return new Set(
    (r.insurance?.contributions ?? []).map((c) => monthIndexOf(c.month)).filter((m) => m <= end && m > end - size),
  ).size;
}

function formatVnd(amount: number): string {
  return amount.toLocaleString('en-US');
}

/** `docs/sandbox-residents.md`, generated from the sandbox data (kept in sync by sandbox-residents-doc.spec.ts). */
export function renderSandboxResidentsMarkdown(today: string = REFERENCE_TODAY): string {
  const residents = sandboxResidents(today);
  const lines: string[] = [
    '# Sandbox residents and staff',
    '',
    '<!-- Generated from src/sandbox by sandbox-residents-doc.spec.ts: run `UPDATE_SANDBOX_DOCS=1 npx jest src/sandbox` after changing the data. -->',
    '',
    'Synthetic people, employers and accounts for sandbox mode only. Personal IDs, names and addresses are fixed;',
    'contribution histories are anchored to the current date, so each scenario holds when filing **today** with the',
    "resident's `suggestedTerminationDate` (a working day 1–6 weeks ago). `GET /sandbox/residents` returns the",
    'current dates. Commune codes and employer tax codes are synthetic placeholders.',
    '',
    '## Scenarios',
    '',
    '| tag | what the data guarantees |',
    '|---|---|',
    '| `eligible` | 12+ contribution months in the 24 months ending with the termination month |',
    '| `cap-zone-1` | zone I employer; 60 % of the last six months’ average salary exceeds 5 × 5,310,000 VND, so the cap binds |',
    '| `exactly-12-months` | exactly 12 contribution months in the 24-month window (the minimum) |',
    '| `ineligible-11-months` | 11 months in the 24-month window and fewer than 12 in 36: not eligible |',
    '| `gaps` | the last six contributed months are not consecutive: the average skips the gaps |',
    '| `over-144-months` | more than 144 contribution months: 12 benefit months, the rest is lost under VN-2025 |',
    '| `reserved-months` | an earlier benefit consumed `usedMonths` and left `reservedMonths`; both count now |',
    '| `state-salary` | `salaryRegime: "state"` (public service unit; VN-2013 capped it at 5 × base salary) |',
    '| `old-regime-2025` | terminated in 2025, decided from 2026: VN-2025 applies (see below) |',
    '| `short-contract` | last contract 6 months; under 12 months in 24 but 14 in 36: eligible only as `short_term` (VN-2025) / `seasonal` (VN-2013) |',
    '| `no-record` | known to the population registry; the social-insurance registry answers 404 |',
    '| `id-mismatch` | the personal ID encodes a woman born 1989, the registry says a man born 1988: flags `century_sex_mismatch` and `birth_year_mismatch` |',
    '',
    '**`old-regime-2025`.** The regime follows the date of the decision: VN-2013 for decisions made up to 2025-12-31,',
    'VN-2025 for every decision from 2026-01-01, whatever the termination date (Luật Việc làm 74/2025 Điều 54 and',
    'Điều 55 khoản 4). This resident was terminated in 2025: the suggested termination date is a recent working day',
    'while that is still in 2025, and otherwise **2025-12-31** (history anchored to it: contributions up to November',
    '2025). Filing today therefore shows a 2025 termination decided under VN-2025 (11th working day, cap 5 × the',
    'minimum wage in force in the last contribution month, i.e. the 2024 figures). Until 2026-03-31 filing today is',
    'timely; after that it is late (expected result: not eligible, late filing, regime VN-2025), and the amounts are',
    'checked with the calculator (`POST /api/v1/eligibility/assessments` with a `filingDate` up to the',
    '`filingDeadline` that `/sandbox/residents` returns; with `filingDate` and `decisionDate` in 2025 it shows VN-2013).',
    'The resident’s `note` says which case applies today.',
    '',
    '## Residents',
    '',
    '| # | personal ID | full name | sex | born | birth registration | lives in (post-2025) | scenario | contract | months total / in 24 / in 36 | last salary (VND), zone |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  residents.forEach((r, i) => {
    const person = SANDBOX_PEOPLE[i];
    const birth = birthRegistrationProvince(r.birthRegistrationProvince);
    const addr = r.population.currentAddress;
    const last = r.insurance?.contributions.at(-1);
    const months = r.insurance
      ? `${r.insurance.contributions.length} / ${windowCount(r, 24)} / ${windowCount(r, 36)}` +
        (r.insurance.reservedMonths
          ? ` (+${r.insurance.reservedMonths} reserved, ${r.insurance.usedMonths.length} used)`
          : '')
      : 'no record';
    lines.push(
      `| ${i + 1} | \`${r.personalId}\` | ${r.fullName} | ${person.sex === 'male' ? 'nam' : 'nữ'} | ${r.population.dateOfBirth} | ` +
        `${r.birthRegistrationProvince} ${birth?.name ?? ''} | ${addr.communeName}, ${addr.provinceName} | \`${r.scenario}\` | ` +
        `${r.suggestedContractType} | ${months} | ${last ? `${formatVnd(last.salary)}, ${last.zone}` : '—'} |`,
    );
  });
  lines.push(
    '',
    '## Employment service centers',
    '',
    '| code | name |',
    '|---|---|',
    ...SANDBOX_CENTERS.map((c) => `| \`${c.code}\` | ${c.name} |`),
    `| \`${SANDBOX_DEPARTMENT.code}\` | ${SANDBOX_DEPARTMENT.name} (province level: directors, administrators) |`,
    '',
    '## Staff accounts (sandbox only)',
    '',
    '| username | password | role | center | full name |',
    '|---|---|---|---|---|',
    ...SANDBOX_STAFF.map(
      (s) =>
        `| \`${s.username}\` | \`${s.password}\` | ${s.role} | ${s.centerCode ?? '— (province)'} | ${s.fullName} |`,
    ),
    '',
  );
  return lines.join('\n');
}
