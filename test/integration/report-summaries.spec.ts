import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { ReportSummaries1765700000000 } from '../../migrations/1765700000000-report-summaries';
import { BenefitRepository } from '../../src/benefits/benefit.repository';
import { WorkingCalendarRepository } from '../../src/calendar/working-calendar.repository';
import { LegalContextService } from '../../src/eligibility/legal-context.service';
import { LegalRulesRepository } from '../../src/eligibility/legal-rules.repository';
import { allEntities } from '../support/entities';
import { CenterDirectory } from '../../src/dossiers/center-directory';
import { ReportPeriod } from '../../src/reports/domain/report-period';
import { buildSummary } from '../../src/reports/domain/report-summary';
import { ReportsRepository } from '../../src/reports/reports.repository';
import { createTestDatabase } from '../support/database';
import { directBenefitReport, directOpenDossierGroups, directSummaryRows } from '../support/report-direct-count';

/**
 * Oracle for the report summaries (migration 1765700000000): on random dossiers taken through random histories
 * (receipt, intake refusal, approval, refusal, result returned, withdrawal, revocation, move to another center,
 * deletion) and random benefit notices and proposals (suspension, resumption, termination; decided, dismissed,
 * pending), every report figure read from the summaries equals the same figure counted directly on the rows.
 */

const CENTERS = ['OR-01', 'OR-02', 'OR-03'];
const BASE_DAY = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
/** Vietnam calendar date of an instant. */
const vnDate = (ms: number) => new Date(ms + 7 * HOUR).toISOString().slice(0, 10);

type Step =
  | { kind: 'receive'; afterHours: number; dueInDays: number | null }
  | { kind: 'reject_intake'; note: string | null }
  | { kind: 'approve'; afterDays: number }
  | { kind: 'deny'; afterDays: number; note: string | null }
  | { kind: 'return' }
  | { kind: 'withdraw' }
  | { kind: 'revoke' }
  | { kind: 'move'; center: number }
  | { kind: 'delete' };

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const address = fc.record({
  provinceCode: fc.constantFrom('01', '48', '75'),
  provinceName: maybe(fc.constantFrom('Thành phố Hà Nội', 'Hà Nội', 'Tỉnh Đồng Nai')),
});

const dossierArb = fc.record({
  center: fc.nat(CENTERS.length - 1),
  channel: fc.constantFrom('online', 'portal', 'counter'),
  // Filing instants around Vietnam midnight (17:00 UTC) over five months.
  filedAt: fc.integer({ min: 0, max: 150 * 24 * 4 }).map((quarter) => BASE_DAY + quarter * 15 * 60_000 * 1.5),
  applicant: fc.record({
    dateOfBirth: maybe(
      fc.oneof(
        fc.integer({ min: 1950, max: 2008 }).map((y) => `${y}-06-15`),
        fc.constant('15/06/1990'),
      ),
    ),
    sex: maybe(fc.constantFrom('male', 'female', 'other')),
    currentAddress: maybe(address),
    permanentAddress: maybe(address),
  }),
  employer: maybe(
    fc.record({
      taxCode: maybe(fc.constantFrom('0101', ' 0101 ', '0202', '', '  ')),
      name: maybe(fc.constantFrom('Công ty A', ' công ty a ', 'CÔNG TY A', 'Công ty B', '')),
    }),
  ),
  terminationReason: maybe(fc.constantFrom('contract_expired', 'dismissal', 'restructuring')),
  assessment: fc.record({
    monthlyBenefit: maybe(fc.integer({ min: 1, max: 9_000 }).map((k) => k * 1000)),
    benefitMonths: maybe(fc.integer({ min: 1, max: 12 })),
    reason: maybe(fc.constantFrom('insufficient_contributions', 'filed_late')),
  }),
  steps: fc.array(
    fc.oneof(
      fc.record({
        kind: fc.constant('receive' as const),
        afterHours: fc.integer({ min: 0, max: 72 }),
        dueInDays: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
      }),
      fc.record({
        kind: fc.constant('reject_intake' as const),
        note: fc.constantFrom(null, '', ' Thiếu giấy tờ ', 'Sai thẩm quyền'),
      }),
      fc.record({ kind: fc.constant('approve' as const), afterDays: fc.integer({ min: 0, max: 40 }) }),
      fc.record({
        kind: fc.constant('deny' as const),
        afterDays: fc.integer({ min: 0, max: 40 }),
        note: fc.constantFrom(null, '', 'Không đủ điều kiện', ' Nộp quá hạn '),
      }),
      fc.constant({ kind: 'return' as const }),
      fc.constant({ kind: 'withdraw' as const }),
      fc.constant({ kind: 'revoke' as const }),
      fc.record({ kind: fc.constant('move' as const), center: fc.nat(CENTERS.length - 1) }),
      fc.constant({ kind: 'delete' as const }),
    ),
    { maxLength: 6 },
  ) as fc.Arbitrary<Step[]>,
  notices: fc.array(fc.integer({ min: 0, max: 150 }), { maxLength: 3 }),
  proposals: fc.array(
    fc.record({
      kind: fc.constantFrom('suspend', 'resume', 'terminate'),
      outcome: fc.constantFrom('decided', 'dismissed', 'pending', 'decided_then_dismissed'),
      day: fc.integer({ min: 0, max: 150 }),
      atHour: fc.integer({ min: 0, max: 23 }),
    }),
    { maxLength: 3 },
  ),
});

const periodArb = fc
  .record({ start: fc.integer({ min: -10, max: 150 }), days: fc.integer({ min: 1, max: 200 }) })
  .map(({ start, days }): ReportPeriod => ({
    from: vnDate(BASE_DAY + start * 24 * HOUR),
    to: vnDate(BASE_DAY + (start + days - 1) * 24 * HOUR),
  }));

const scenarioArb = fc.record({
  dossiers: fc.array(dossierArb, { minLength: 1, maxLength: 25 }),
  /** Every dossier of one center moved to another in a single statement (statement-level triggers, many rows). */
  bulkMove: maybe(fc.record({ from: fc.nat(CENTERS.length - 1), to: fc.nat(CENTERS.length - 1) })),
  periods: fc.array(periodArb, { minLength: 1, maxLength: 3 }),
});

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

describe('report summaries (migration 1765700000000) equal a direct count on the rows', () => {
  let ds: DataSource;
  let appUrl: string;
  let reports: ReportsRepository;
  let benefits: BenefitRepository;
  let legal: LegalContextService;
  let seq = 0;

  beforeAll(async () => {
    const created = await createTestDatabase();
    const url = created.url;
    appUrl = created.appUrl;
    ds = await new DataSource({
      type: 'postgres',
      url,
      extra: { max: 4 },
      entities: allEntities(),
    }).initialize();
    for (const code of CENTERS) {
      await ds.query(`INSERT INTO service_center (code, name, province_name) VALUES ($1, $2, 'Tỉnh Oracle')`, [
        code,
        `Trung tâm ${code}`,
      ]);
    }
    reports = new ReportsRepository(ds, new CenterDirectory(ds));
    benefits = new BenefitRepository(ds);
    legal = new LegalContextService(new LegalRulesRepository(ds), new WorkingCalendarRepository(ds));
  });
  afterAll(() => ds?.destroy());

  /** Removes every row (through the triggers, so the delete path is exercised too). */
  async function clear(): Promise<void> {
    await ds.query(`DELETE FROM benefit_proposal`);
    await ds.query(`DELETE FROM job_search_notice`);
    await ds.query(`DELETE FROM benefit`);
    await ds.query(`DELETE FROM dossier_event`);
    await ds.query(`DELETE FROM dossier`);
  }

  async function play(scenario: Scenario): Promise<void> {
    for (const d of scenario.dossiers) {
      const id = randomUUID();
      const n = ++seq;
      const application: Record<string, unknown> = { declarationAccepted: true };
      if (d.terminationReason) application.terminationReason = d.terminationReason;
      if (d.employer) application.lastEmployer = d.employer;
      const assessment = {
        output: {
          monthlyBenefit: d.assessment.monthlyBenefit,
          benefitMonths: d.assessment.benefitMonths,
          reasons: d.assessment.reason ? [{ code: d.assessment.reason, message: 'x' }] : [],
        },
      };
      await ds.query(
        `INSERT INTO dossier (id, code, personal_id, center_code, channel, status, full_name, search_name, applicant,
           application, assessment, termination_date, filed_at, sort_date)
         VALUES ($1, $2, $3, $4, $5, 'SUBMITTED', 'Nguyễn Văn Oracle', 'nguyen van oracle', $6, $7, $8, '2025-12-01', $9, '2026-01-01')`,
        [
          id,
          `OR-${n}`,
          String(n).padStart(12, '0'),
          CENTERS[d.center],
          d.channel,
          JSON.stringify(d.applicant),
          JSON.stringify(application),
          JSON.stringify(assessment),
          iso(d.filedAt),
        ],
      );
      let receivedAt = d.filedAt;
      let eventSeq = 0;
      let deleted = false;
      for (const step of d.steps) {
        const set = (sql: string, params: unknown[] = []) =>
          ds.query(`UPDATE dossier SET ${sql} WHERE id = $1`, [id, ...params]);
        switch (step.kind) {
          case 'receive':
            receivedAt = d.filedAt + step.afterHours * HOUR;
            await set(`status = 'RECEIVED', received_at = $2, due_date = $3`, [
              iso(receivedAt),
              step.dueInDays === null ? null : vnDate(receivedAt + step.dueInDays * 24 * HOUR),
            ]);
            break;
          case 'reject_intake':
            await set(`status = 'REJECTED', decision_note = $2`, [step.note]);
            await ds.query(
              `INSERT INTO dossier_event (dossier_id, seq, occurred_at, action, from_status, to_status, actor_type, note)
               VALUES ($1, $2, $3, 'reject_intake', 'SUBMITTED', 'REJECTED', 'staff', $4)`,
              [id, ++eventSeq, iso(d.filedAt + 2 * HOUR), step.note],
            );
            break;
          case 'approve':
            await set(`status = 'APPROVED', decided_at = $2, decision_note = NULL`, [
              iso(receivedAt + step.afterDays * 24 * HOUR),
            ]);
            break;
          case 'deny':
            await set(`status = 'DENIED', decided_at = $2, decision_note = $3`, [
              iso(receivedAt + step.afterDays * 24 * HOUR),
              step.note,
            ]);
            break;
          case 'return':
            await set(`status = 'RESULT_RETURNED'`);
            break;
          case 'withdraw':
            await set(`status = 'WITHDRAWN'`);
            break;
          case 'revoke':
            await set(`status = 'REVOKED'`);
            break;
          case 'move':
            await set(`center_code = $2`, [CENTERS[step.center]]);
            break;
          case 'delete':
            if (d.notices.length || d.proposals.length) break;
            await ds.query(`DELETE FROM dossier_event WHERE dossier_id = $1`, [id]);
            await ds.query(`DELETE FROM dossier WHERE id = $1`, [id]);
            deleted = true;
            break;
        }
        if (deleted) break;
      }
      if (deleted || (!d.notices.length && !d.proposals.length)) continue;

      // A benefit period for the dossier, with its notices and proposals (suspension, resumption, termination).
      const center = CENTERS[d.center];
      await ds.query(
        `INSERT INTO benefit (dossier_id, center_code, personal_id, status, monthly_benefit, benefit_months, result_returned_on)
         VALUES ($1, $2, $3, 'active', 3000000, 6, '2026-01-15')`,
        [id, center, String(n).padStart(12, '0')],
      );
      for (const [month, day] of d.notices.entries()) {
        const at = BASE_DAY + day * 24 * HOUR + 20 * HOUR;
        await ds.query(
          `INSERT INTO job_search_notice (id, dossier_id, month, channel, filed_at, filed_on, center_code, activities,
             receipt_number, filed_by)
           VALUES ($1, $2, $3, 'online', $4, $5, $6, '[]', $7, 'citizen')`,
          [randomUUID(), id, month + 1, iso(at), vnDate(at), center, `TB-${n}-${month}`],
        );
      }
      for (const [i, p] of d.proposals.entries()) {
        const proposalId = randomUUID();
        const proposedAt = BASE_DAY + p.day * 24 * HOUR;
        await ds.query(
          `INSERT INTO benefit_proposal (id, dossier_id, center_code, kind, month, proposed_on, proposed_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [proposalId, id, center, p.kind, i, vnDate(proposedAt), iso(proposedAt)],
        );
        if (p.outcome === 'pending') continue;
        const decidedAt = iso(proposedAt + (24 + p.atHour) * HOUR);
        await ds.query(`UPDATE benefit_proposal SET status = $2, decided_at = $3 WHERE id = $1`, [
          proposalId,
          p.outcome === 'dismissed' ? 'dismissed' : 'decided',
          decidedAt,
        ]);
        if (p.outcome === 'decided_then_dismissed') {
          await ds.query(`UPDATE benefit_proposal SET status = 'dismissed' WHERE id = $1`, [proposalId]);
        }
      }
    }
    if (scenario.bulkMove) {
      await ds.query(`UPDATE dossier SET center_code = $2 WHERE center_code = $1`, [
        CENTERS[scenario.bulkMove.from],
        CENTERS[scenario.bulkMove.to],
      ]);
    }
  }

  /** Every figure of every report, read from the summaries, next to the same counted on the rows. */
  async function compare(periods: ReportPeriod[]): Promise<void> {
    const { calendar } = await legal.current();
    const at = '2026-06-01T00:00:00.000Z';
    for (const period of periods) {
      for (const center of [null, ...CENTERS]) {
        const viaSummaries = buildSummary(period, center, await reports.summaryRows(period, center), calendar, at);
        const direct = buildSummary(period, center, await directSummaryRows(ds, period, center), calendar, at);
        expect({ scope: center, summary: viaSummaries }).toEqual({ scope: center, summary: direct });
        expect(await benefits.report(period.from, period.to, center)).toEqual(
          await directBenefitReport(ds, period.from, period.to, center),
        );
      }
    }
    const order = (rows: { centerCode: string; status: string; dueDate: string | null }[]) =>
      [...rows].sort((a, b) =>
        `${a.centerCode}|${a.status}|${a.dueDate}`.localeCompare(`${b.centerCode}|${b.status}|${b.dueDate}`),
      );
    expect(order(await reports.openDossierGroups())).toEqual(order(await directOpenDossierGroups(ds)));
    expect(await benefits.report('2000-01-01', '2999-12-31', null)).toEqual(
      await directBenefitReport(ds, '2000-01-01', '2999-12-31', null),
    );
  }

  it('after random filings, receipts, intake refusals, decisions, withdrawals, revocations, moves and deletions, and benefit suspensions, resumptions and terminations', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        await clear();
        await play(scenario);
        await compare(scenario.periods);
      }),
      { numRuns: 25 },
    );
  });

  it('the migration backfills the summaries from the rows already there (down, then up, on a filled database)', async () => {
    const [scenario] = fc.sample(scenarioArb, { numRuns: 1, seed: 21 });
    await clear();
    await play({ ...scenario, dossiers: fc.sample(dossierArb, { numRuns: 40, seed: 7 }) });
    const runner = ds.createQueryRunner();
    try {
      const migration = new ReportSummaries1765700000000();
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const [{ filed }] = await ds.query(`SELECT count(*)::int AS filed FROM report_filed_count WHERE count > 0`);
    expect(filed).toBeGreaterThan(0);
    await compare([
      { from: '2026-01-01', to: '2026-05-31' },
      { from: '2025-12-20', to: '2026-02-10' },
    ]);
  });

  it("the service's role keeps them current through its own writes, reads them, and cannot write them directly", async () => {
    await clear();
    const app = await new DataSource({ type: 'postgres', url: appUrl, entities: allEntities() }).initialize();
    try {
      await app.query(
        `INSERT INTO dossier (id, code, personal_id, center_code, channel, status, full_name, search_name, applicant,
           application, assessment, termination_date, filed_at, sort_date)
         VALUES ($1, 'OR-APP', '099999999999', $2, 'online', 'SUBMITTED', 'A', 'a', '{}', '{}', '{}', '2026-01-01',
           '2026-03-10T03:00:00Z', '2026-03-10')`,
        [randomUUID(), CENTERS[0]],
      );
      const rows = await new ReportsRepository(app, new CenterDirectory(app)).summaryRows(
        { from: '2026-03-01', to: '2026-03-31' },
        null,
      );
      expect(rows.filed).toContainEqual({ dimension: 'total', key: null, label: null, count: 1 });
      for (const sql of [
        `UPDATE report_filed_count SET count = count + 1`,
        `INSERT INTO report_open_count (center_code, status, due_date, count) VALUES ('OR-01', 'SUBMITTED', NULL, 5)`,
        `DELETE FROM report_decided_count`,
        `SELECT report_summaries_rebuild()`,
      ]) {
        await expect(app.query(sql)).rejects.toThrow(/permission denied/);
      }
    } finally {
      await app.destroy();
    }
    await compare([{ from: '2026-03-01', to: '2026-03-31' }]);
  });

  it('an empty period and scope reads zeros, not errors', async () => {
    await clear();
    const summary = await reports.summaryRows({ from: '2030-01-01', to: '2030-01-31' }, CENTERS[0]);
    expect(summary).toMatchObject({
      filed: [],
      employers: [],
      decided: [],
      spans: [],
      received: 0,
      intakeRefusals: [],
    });
  });
});
