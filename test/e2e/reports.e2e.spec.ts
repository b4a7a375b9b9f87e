import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import request from 'supertest';
import { staffToken } from '../../scripts/token';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The report figures against a seeded data set. Rows are inserted with SQL; every expected number is computed
 * here, in plain JS, from the same raw rows (Vietnam dates by +7 h, ages by calendar arithmetic, working days by
 * walking the calendar table day by day) — never by calling the report code.
 */

const CENTERS = [
  { code: 'DNA-BH', name: 'Trung tâm Dịch vụ việc làm Đồng Nai – Biên Hòa' },
  { code: 'DNA-DX', name: 'Trung tâm Dịch vụ việc làm Đồng Nai – Đồng Xoài' },
  { code: 'DNA-LK', name: 'Trung tâm Dịch vụ việc làm Đồng Nai – Long Khánh' },
];
const CHANNELS = ['online', 'portal', 'counter'];
const STATUSES = [
  'SUBMITTED',
  'SUPPLEMENT_REQUESTED',
  'RECEIVED',
  'IN_REVIEW',
  'REVIEWED',
  'PROPOSED',
  'APPROVED',
  'DENIED',
  'RESULT_RETURNED',
  'REJECTED',
  'WITHDRAWN',
  'REVOKED',
];
const OPEN = ['SUBMITTED', 'SUPPLEMENT_REQUESTED', 'RECEIVED', 'IN_REVIEW', 'REVIEWED', 'PROPOSED'];
const DECIDED = ['APPROVED', 'DENIED', 'RESULT_RETURNED'];
const PROVINCES = [
  { provinceCode: '75', provinceName: 'Tỉnh Đồng Nai' },
  { provinceCode: '79', provinceName: 'Thành phố Hồ Chí Minh' },
  { provinceCode: '68', provinceName: 'Tỉnh Lâm Đồng' },
  { provinceCode: '01', provinceName: 'Thành phố Hà Nội' },
];
const TERMINATION_REASONS = ['contract_expired', 'mutual_agreement', 'restructuring', 'employer_closed', 'dismissal'];
const REFUSAL_CODES = ['insufficient_contributions', 'filed_late', 'unlawful_termination'];
const DENY_NOTES = ['Đã có việc làm mới trong thời gian chờ', 'Đang hưởng lương hưu theo xác minh'];
const INTAKE_NOTES = ['Hồ sơ không thuộc thẩm quyền của trung tâm', 'Giấy tờ giả mạo'];
const EMPLOYERS = Array.from({ length: 14 }, (_, i) => ({
  name: `Cong ty TNHH San xuat ${String.fromCharCode(65 + i)}`,
  taxCode: i % 5 === 4 ? undefined : `36${String(1000000 + i * 7919).padStart(8, '0')}`,
}));

const FROM = '2026-10-01';
const TO = '2026-11-30';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Row {
  id: string;
  code: string;
  personalId: string;
  centerCode: string;
  channel: string;
  status: string;
  applicant: any;
  application: any;
  assessment: any;
  filedAt: Date;
  receivedAt: Date | null;
  dueDate: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  rejectedAt: Date | null;
}

/** Deterministic generator (mulberry32). */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  return { next, pick, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

const vnDate = (d: Date) => new Date(d.getTime() + 7 * HOUR).toISOString().slice(0, 10);
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (date: string, n: number) => isoDate(new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY));

function ageOn(dob: string, on: string): number {
  const [y1, m1, d1] = dob.split('-').map(Number);
  const [y2, m2, d2] = on.split('-').map(Number);
  return y2 - y1 - (m2 < m1 || (m2 === m1 && d2 < d1) ? 1 : 0);
}

function ageBand(age: number): string {
  if (age < 25) return 'under_25';
  if (age < 35) return '25_34';
  if (age < 45) return '35_44';
  if (age < 55) return '45_54';
  return '55_plus';
}

function makeRows(today: string): Row[] {
  const r = random(20261113);
  const rows: Row[] = [];
  const start = Date.parse('2026-09-15T00:00:00Z');
  const end = Date.parse('2026-12-10T00:00:00Z');
  for (let i = 0; i < 180; i++) {
    let filedAt = new Date(start + Math.floor(r.next() * (end - start)));
    // Boundaries in Vietnam time: 2026-09-30 17:30Z is 1 October 00:30 in Hà Nội, 2026-11-30 16:59Z still 30 November.
    if (i === 0) filedAt = new Date('2026-09-30T17:30:00Z');
    if (i === 1) filedAt = new Date('2026-09-30T16:30:00Z');
    if (i === 2) filedAt = new Date('2026-11-30T16:59:00Z');
    if (i === 3) filedAt = new Date('2026-11-30T17:01:00Z');
    const status = i < 11 ? STATUSES[i] : r.pick(STATUSES);
    const filedDate = vnDate(filedAt);
    let dob = `${r.int(1964, 2006)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
    if (i === 4) dob = `${Number(filedDate.slice(0, 4)) - 25}${filedDate.slice(4)}`; // 25 on the filing day
    if (i === 5) dob = `${Number(addDays(filedDate, 1).slice(0, 4)) - 25}${addDays(filedDate, 1).slice(4)}`; // 24
    const current = r.pick(PROVINCES);
    const permanent = r.pick(PROVINCES);
    const applicant: any = {
      dateOfBirth: dob,
      sex: r.next() < 0.55 ? 'female' : 'male',
      permanentAddress: { line: 'x', communeCode: '1', communeName: 'y', ...permanent },
      ...(i % 17 === 0 ? {} : { currentAddress: { line: 'x', communeCode: '1', communeName: 'y', ...current } }),
    };
    const employer = EMPLOYERS[Math.min(EMPLOYERS.length - 1, Math.floor(r.next() ** 2 * EMPLOYERS.length))];
    const application = {
      terminationReason: r.pick(TERMINATION_REASONS),
      contractType: 'indefinite',
      lastEmployer: { name: employer.name, ...(employer.taxCode ? { taxCode: employer.taxCode } : {}), address: 'z' },
    };
    const receivedStates = ['RECEIVED', 'IN_REVIEW', 'REVIEWED', 'PROPOSED', ...DECIDED];
    const received =
      receivedStates.includes(status) ||
      (status === 'SUPPLEMENT_REQUESTED' && r.next() < 0.5) ||
      (status === 'WITHDRAWN' && r.next() < 0.5);
    const receivedAt = received ? new Date(filedAt.getTime() + r.int(1, 72) * HOUR) : null;
    let dueDate = receivedAt ? addDays(vnDate(receivedAt), 28) : null;
    if (receivedAt && OPEN.includes(status)) dueDate = addDays(today, r.pick([-5, -1, 0, 2, 3, 6, 12, 40]));
    const decided = DECIDED.includes(status);
    const decidedAt = decided ? new Date(receivedAt!.getTime() + r.int(2, 40) * DAY + r.int(0, 10) * HOUR) : null;
    const denied = status === 'DENIED' || (status === 'RESULT_RETURNED' && r.next() < 0.3);
    const refusalCode = denied && r.next() < 0.6 ? r.pick(REFUSAL_CODES) : null;
    const approved = decided && !denied;
    const assessment = {
      output: {
        eligible: !refusalCode,
        monthlyBenefit: approved ? r.int(30, 150) * 50_000 + (i % 3) : 0,
        benefitMonths: approved ? r.int(3, 12) : 0,
        reasons: refusalCode ? [{ code: refusalCode, message: 'x' }] : [],
      },
    };
    const rejected = status === 'REJECTED';
    rows.push({
      id: randomUUID(),
      code: `T-${String(i).padStart(5, '0')}`,
      personalId: `075190${String(i).padStart(6, '0')}`,
      centerCode: r.pick(CENTERS).code,
      channel: r.pick(CHANNELS),
      status,
      applicant,
      application,
      assessment,
      filedAt,
      receivedAt,
      dueDate,
      decidedAt,
      decisionNote: denied
        ? refusalCode
          ? 'Không đủ điều kiện theo kết quả thẩm định'
          : r.pick(DENY_NOTES)
        : rejected
          ? r.pick(INTAKE_NOTES)
          : null,
      rejectedAt: rejected ? new Date(filedAt.getTime() + r.int(1, 30) * HOUR) : null,
    });
  }
  return rows;
}

async function seed(databaseUrl: string, rows: Row[]): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    for (const c of CENTERS) {
      await db.query(
        `INSERT INTO service_center (code, name, province_name) VALUES ($1, $2, 'Tỉnh Đồng Nai') ON CONFLICT (code) DO NOTHING`,
        [c.code, c.name],
      );
    }
    for (const row of rows) {
      await db.query(
        `INSERT INTO dossier (id, code, personal_id, center_code, channel, status, full_name, search_name, applicant,
           application, assessment, termination_date, filed_at, received_at, due_date, sort_date, decided_at, decision_note)
         VALUES ($1, $2, $3, $4, $5, $6, 'Nguyễn Văn A', 'nguyen van a', $7, $8, $9, '2026-08-01', $10, $11, $12,
           COALESCE($12::date, ($10::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date), $13, $14)`,
        [
          row.id,
          row.code,
          row.personalId,
          row.centerCode,
          row.channel,
          row.status,
          row.applicant,
          row.application,
          row.assessment,
          row.filedAt,
          row.receivedAt,
          row.dueDate,
          row.decidedAt,
          row.decisionNote,
        ],
      );
      if (row.rejectedAt) {
        await db.query(
          `INSERT INTO dossier_event (dossier_id, seq, occurred_at, action, from_status, to_status, actor_type, note)
           VALUES ($1, 1, $2, 'reject_intake', 'SUBMITTED', 'REJECTED', 'staff', $3)`,
          [row.id, row.rejectedAt, row.decisionNote],
        );
      }
    }
  } finally {
    await db.end();
  }
}

async function loadCalendar(databaseUrl: string): Promise<Map<string, string>> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query(`SELECT date::text AS date, kind FROM working_calendar_day`);
    return new Map(rows.map((r) => [r.date, r.kind]));
  } finally {
    await db.end();
  }
}

/** Working days in (from, to], walking day by day. */
function workingDays(calendar: Map<string, string>, from: string, to: string): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
    const override = calendar.get(d);
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (override ? override === 'working' : weekday !== 0 && weekday !== 6) n++;
  }
  return n;
}

function tally(items: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[item] = (out[item] ?? 0) + 1;
  return out;
}

/** Expected figures for one center (or all), straight from the rows. */
function expected(rows: Row[], calendar: Map<string, string>, center?: string, from = FROM, to = TO) {
  const scoped = rows.filter((r) => !center || r.centerCode === center);
  const within = (d: Date | null) => !!d && vnDate(d) >= from && vnDate(d) <= to;
  const filed = scoped.filter((r) => within(r.filedAt));
  const decided = scoped.filter((r) => DECIDED.includes(r.status) && within(r.decidedAt));
  const isDenied = (r: Row) => r.status === 'DENIED' || (r.status === 'RESULT_RETURNED' && r.decisionNote !== null);
  const approved = decided.filter((r) => !isDenied(r));
  const denied = decided.filter(isDenied);
  const rejected = scoped.filter((r) => within(r.rejectedAt));
  const withDue = decided.filter((r) => r.dueDate);
  const onTime = withDue.filter((r) => vnDate(r.decidedAt!) <= r.dueDate!);
  const spans = decided
    .filter((r) => r.receivedAt)
    .map((r) => workingDays(calendar, vnDate(r.receivedAt!), vnDate(r.decidedAt!)));
  const province = (r: Row) => (r.applicant.currentAddress ?? r.applicant.permanentAddress).provinceCode;
  const employerKey = (r: Row) =>
    r.application.lastEmployer.taxCode ?? `name:${r.application.lastEmployer.name.toLowerCase()}`;
  const employerCounts = tally(filed.map(employerKey));
  const employerName = (key: string) =>
    filed.find((r) => employerKey(r) === key)!.application.lastEmployer.name as string;
  const topEmployers = Object.entries(employerCounts)
    .map(([key, count]) => ({ name: employerName(key), taxCode: key.startsWith('name:') ? null : key, count }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, 10);
  const sumBy = (list: Row[], pick: (r: Row) => number) => list.reduce((s, r) => s + pick(r), 0);
  const approvalsByReason: Record<string, { count: number; benefit: number; months: number }> = {};
  for (const r of approved) {
    const e = (approvalsByReason[r.application.terminationReason] ??= { count: 0, benefit: 0, months: 0 });
    e.count++;
    e.benefit += r.assessment.output.monthlyBenefit;
    e.months += r.assessment.output.benefitMonths;
  }
  return {
    filedTotal: filed.length,
    byStatus: tally(filed.map((r) => r.status)),
    byChannel: tally(filed.map((r) => r.channel)),
    byCenter: tally(filed.map((r) => r.centerCode)),
    byMonth: tally(filed.map((r) => vnDate(r.filedAt).slice(0, 7))),
    byAgeBand: tally(filed.map((r) => ageBand(ageOn(r.applicant.dateOfBirth, vnDate(r.filedAt))))),
    bySex: tally(filed.map((r) => r.applicant.sex)),
    byProvince: tally(filed.map(province)),
    flow: {
      received: scoped.filter((r) => within(r.receivedAt)).length,
      decided: decided.length,
      approved: approved.length,
      denied: denied.length,
      rejectedAtIntake: rejected.length,
    },
    timeliness: {
      decidedWithDueDate: withDue.length,
      decidedOnTime: onTime.length,
      onTimeRate: withDue.length ? onTime.length / withDue.length : null,
      averageWorkingDaysToDecision: spans.length ? spans.reduce((a, b) => a + b, 0) / spans.length : null,
    },
    approvalsByReason,
    refusalsByReason: tally(
      denied.map((r) => r.assessment.output.reasons[0]?.code ?? `decision_note:${r.decisionNote}`),
    ),
    intakeRefusals: tally(rejected.map((r) => r.decisionNote!)),
    benefits: {
      approved: approved.length,
      totalMonthlyBenefit: sumBy(approved, (r) => r.assessment.output.monthlyBenefit),
      totalBenefitMonths: sumBy(approved, (r) => r.assessment.output.benefitMonths),
      totalBenefitAmount: sumBy(
        approved,
        (r) => r.assessment.output.monthlyBenefit * r.assessment.output.benefitMonths,
      ),
    },
    topEmployers,
  };
}

const nonZero = (items: { key: string; count: number }[]) =>
  Object.fromEntries(items.filter((i) => i.count > 0).map((i) => [i.key, i.count]));

function binary(res: request.Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/** RFC 4180 with quotes and CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  row.push(field);
  rows.push(row);
  return rows;
}

describe('reports: figures of a seeded data set', () => {
  let t: TestApp;
  let rows: Row[];
  let calendar: Map<string, string>;
  let director: string;
  let headBh: string;
  const today = vnDate(new Date());

  beforeAll(async () => {
    t = await startTestApp();
    rows = makeRows(today);
    await seed(t.databaseUrl, rows);
    calendar = await loadCalendar(t.databaseUrl);
    [director, headBh] = await Promise.all([
      staffToken(t.runtime.config.publicBaseUrl, 'giamdoc.snv'),
      staffToken(t.runtime.config.publicBaseUrl, 'truongtt.bh'),
    ]);
  });
  afterAll(() => t.close());

  const get = (path: string, token: string) => request(t.baseUrl).get(path).set('Authorization', `Bearer ${token}`);

  function expectSummary(body: any, e: ReturnType<typeof expected>): void {
    expect(body.filed.total).toBe(e.filedTotal);
    expect(nonZero(body.filed.byStatus)).toEqual(e.byStatus);
    expect(body.filed.byStatus.map((s: any) => s.key)).toEqual(STATUSES);
    expect(nonZero(body.filed.byChannel)).toEqual(e.byChannel);
    expect(nonZero(body.filed.byCenter)).toEqual(e.byCenter);
    expect(nonZero(body.filed.byMonth)).toEqual(e.byMonth);
    expect(nonZero(body.applicants.byAgeBand)).toEqual(e.byAgeBand);
    expect(nonZero(body.applicants.bySex)).toEqual(e.bySex);
    expect(nonZero(body.applicants.byProvince)).toEqual(e.byProvince);
    expect(body.flow).toEqual(e.flow);
    expect(body.timeliness.decidedWithDueDate).toBe(e.timeliness.decidedWithDueDate);
    expect(body.timeliness.decidedOnTime).toBe(e.timeliness.decidedOnTime);
    expect(body.timeliness.onTimeRate).toBeCloseTo(e.timeliness.onTimeRate!, 10);
    expect(body.timeliness.averageWorkingDaysToDecision).toBeCloseTo(e.timeliness.averageWorkingDaysToDecision!, 10);
    expect(
      Object.fromEntries(
        body.decisions.approvalsByTerminationReason.map((a: any) => [
          a.key,
          { count: a.count, benefit: a.totalMonthlyBenefit, months: a.totalBenefitMonths },
        ]),
      ),
    ).toEqual(e.approvalsByReason);
    expect(
      Object.fromEntries(
        body.decisions.refusalsByReason.map((r: any) => [
          r.key === 'decision_note' ? `decision_note:${r.note}` : r.key,
          r.count,
        ]),
      ),
    ).toEqual(e.refusalsByReason);
    expect(nonZero(body.decisions.intakeRefusalsByReason)).toEqual(e.intakeRefusals);
    expect(body.benefits).toEqual(e.benefits);
    expect(body.topEmployers).toEqual(e.topEmployers);
  }

  it('gives the director the whole province', async () => {
    const res = await get(`/api/v1/reports/summary?from=${FROM}&to=${TO}`, director).expect(200);
    const e = expected(rows, calendar);
    // The data set is varied enough for every figure to mean something.
    expect(e.filedTotal).toBeGreaterThan(100);
    expect(e.flow.approved).toBeGreaterThan(5);
    expect(e.flow.denied).toBeGreaterThan(2);
    expect(e.flow.rejectedAtIntake).toBeGreaterThan(2);
    expect(e.timeliness.decidedOnTime).toBeLessThan(e.timeliness.decidedWithDueDate);
    expect(Object.keys(e.byAgeBand).length).toBeGreaterThanOrEqual(4);
    expect(res.body).toMatchObject({ period: { from: FROM, to: TO }, centerCode: null });
    expectSummary(res.body, e);
    expect(res.body.filed.byCenter.map((c: any) => c.label)).toEqual(CENTERS.map((c) => c.name));
    expect(res.body.filed.byMonth.map((m: any) => m.label)).toEqual(['Tháng 10/2026', 'Tháng 11/2026']);
  });

  it('gives the director one center on request, and a center head their own center by default', async () => {
    const one = await get(`/api/v1/reports/summary?from=${FROM}&to=${TO}&centerCode=DNA-DX`, director).expect(200);
    expect(one.body.centerCode).toBe('DNA-DX');
    expectSummary(one.body, expected(rows, calendar, 'DNA-DX'));
    const own = await get(`/api/v1/reports/summary?from=${FROM}&to=${TO}`, headBh).expect(200);
    expect(own.body.centerCode).toBe('DNA-BH');
    expectSummary(own.body, expected(rows, calendar, 'DNA-BH'));
    await get(`/api/v1/reports/summary?from=${FROM}&to=${TO}&centerCode=DNA-BH`, headBh).expect(200);
  });

  it('counts a one-day range by Vietnam dates', async () => {
    const res = await get('/api/v1/reports/summary?from=2026-10-01&to=2026-10-01', director).expect(200);
    const e = expected(rows, calendar, undefined, '2026-10-01', '2026-10-01');
    expect(res.body.filed.total).toBe(e.filedTotal);
    expect(e.filedTotal).toBeGreaterThanOrEqual(1); // 2026-09-30T17:30Z is 1 October in Vietnam
  });

  it('exports November as XLSX: Vietnamese headers, number formats, totals = sum of rows', async () => {
    const res = await get('/api/v1/reports/monthly?month=2026-11&format=xlsx', director)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe('attachment; filename="bao-cao-tro-cap-that-nghiep-2026-11.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as any);
    const e = expected(rows, calendar, undefined, '2026-11-01', '2026-11-30');
    const names = workbook.worksheets.map((w) => w.name);
    expect(names).toEqual([
      'Chỉ tiêu chính',
      'Theo trạng thái',
      'Theo kênh nộp',
      'Theo trung tâm',
      'Quyết định hưởng',
      'Không được hưởng',
      'Từ chối tiếp nhận',
      'Theo độ tuổi',
      'Theo giới tính',
      'Theo tỉnh cư trú',
      'Doanh nghiệp',
    ]);
    const value = (cell: ExcelJS.Cell): any =>
      cell.value && typeof cell.value === 'object' && 'result' in cell.value ? cell.value.result : cell.value;
    const headers = (sheet: ExcelJS.Worksheet) => (sheet.getRow(4).values as any[]).slice(1);
    expect(workbook.getWorksheet('Theo trạng thái')!.getCell('A1').value).toBe(
      'Hồ sơ nộp trong kỳ theo trạng thái hiện tại',
    );
    expect(String(workbook.getWorksheet('Theo trạng thái')!.getCell('A2').value)).toMatch(
      /từ 01\/11\/2026 đến 30\/11\/2026 · Phạm vi: toàn tỉnh/,
    );
    expect(headers(workbook.getWorksheet('Theo trạng thái')!)).toEqual(['Trạng thái', 'Số hồ sơ']);
    expect(headers(workbook.getWorksheet('Theo trung tâm')!)).toEqual(['Mã trung tâm', 'Tên trung tâm', 'Số hồ sơ']);
    expect(headers(workbook.getWorksheet('Quyết định hưởng')!)).toEqual([
      'Lý do chấm dứt hợp đồng lao động',
      'Số hồ sơ',
      'Tổng mức hưởng hằng tháng (đồng)',
      'Tổng số tháng hưởng',
    ]);
    expect(headers(workbook.getWorksheet('Doanh nghiệp')!)).toEqual([
      'Mã số thuế',
      'Tên đơn vị sử dụng lao động',
      'Số hồ sơ',
    ]);

    for (const sheet of workbook.worksheets.slice(1)) {
      const data: ExcelJS.Row[] = [];
      let totals: ExcelJS.Row | undefined;
      for (let r = 5; r <= sheet.rowCount; r++) {
        const row = sheet.getRow(r);
        if (row.getCell(1).value === 'Tổng cộng') totals = row;
        else data.push(row);
      }
      expect(totals).toBeDefined();
      for (let c = 1; c <= sheet.columnCount; c++) {
        const cell = totals!.getCell(c);
        if (typeof value(cell) !== 'number') continue;
        expect(value(cell)).toBe(data.reduce((s, row) => s + (value(row.getCell(c)) ?? 0), 0));
        expect((cell.value as any).formula).toMatch(/^SUM\([A-Z]5:[A-Z]\d+\)$/);
        expect(cell.numFmt).toBe('#,##0');
      }
    }
    const statuses = workbook.getWorksheet('Theo trạng thái')!;
    expect(value(statuses.getRow(5 + STATUSES.length).getCell(2))).toBe(e.filedTotal);
    expect(statuses.getCell('A5').value).toBe('Mới nộp, chờ tiếp nhận');
    const approvals = workbook.getWorksheet('Quyết định hưởng')!;
    const approvalTotals = approvals.getRow(5 + Object.keys(e.approvalsByReason).length);
    expect(value(approvalTotals.getCell(2))).toBe(e.benefits.approved);
    expect(value(approvalTotals.getCell(3))).toBe(e.benefits.totalMonthlyBenefit);
    expect(value(approvalTotals.getCell(4))).toBe(e.benefits.totalBenefitMonths);
    const indicators = workbook.getWorksheet('Chỉ tiêu chính')!;
    expect(headers(indicators)).toEqual(['Chỉ tiêu', 'Giá trị', 'Đơn vị']);
    const rate = indicators.getRow(12).getCell(2);
    expect(indicators.getRow(12).getCell(1).value).toBe('Tỷ lệ giải quyết đúng hạn');
    expect(rate.value).toBeCloseTo(e.timeliness.onTimeRate!, 10);
    expect(rate.numFmt).toBe('0.00%');
    expect(indicators.getRow(14).getCell(2).numFmt).toBe('#,##0');
    expect(indicators.getRow(14).getCell(2).value).toBe(e.benefits.totalMonthlyBenefit);
  });

  it('exports a center head’s month as CSV: UTF-8 with BOM, sections with totals that add up', async () => {
    const res = await get('/api/v1/reports/monthly?month=2026-11&format=csv', headBh)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="bao-cao-tro-cap-that-nghiep-2026-11-dna-bh.csv"',
    );
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = parseCsv(bytes.toString('utf8').slice(1));
    expect(lines[0][0]).toBe('BÁO CÁO TÌNH HÌNH GIẢI QUYẾT HƯỞNG TRỢ CẤP THẤT NGHIỆP THÁNG 11/2026');
    const e = expected(rows, calendar, 'DNA-BH', '2026-11-01', '2026-11-30');

    const section = (title: string) => {
      const at = lines.findIndex((l) => l[0] === title);
      expect(at).toBeGreaterThan(0);
      const end = lines.findIndex((l, i) => i > at && l.length === 1 && l[0] === '');
      return { header: lines[at + 1], body: lines.slice(at + 2, end) };
    };
    const status = section('Hồ sơ nộp trong kỳ theo trạng thái hiện tại');
    expect(status.header).toEqual(['Trạng thái', 'Số hồ sơ']);
    const totals = status.body[status.body.length - 1];
    expect(totals[0]).toBe('Tổng cộng');
    const data = status.body.slice(0, -1);
    expect(Number(totals[1])).toBe(data.reduce((s, l) => s + Number(l[1]), 0));
    expect(Number(totals[1])).toBe(e.filedTotal);

    const approvals = section('Quyết định hưởng theo lý do chấm dứt hợp đồng');
    const approvalTotals = approvals.body[approvals.body.length - 1];
    expect(approvalTotals.map((v, i) => (i === 0 ? v : Number(v)))).toEqual([
      'Tổng cộng',
      e.benefits.approved,
      e.benefits.totalMonthlyBenefit,
      e.benefits.totalBenefitMonths,
    ]);
    const centers = section('Hồ sơ nộp trong kỳ theo trung tâm dịch vụ việc làm');
    expect(centers.body.map((l) => l[0])).toEqual(['DNA-BH', 'Tổng cộng']);
    const indicators = section('Các chỉ tiêu chính');
    const rate = indicators.body.find((l) => l[0] === 'Tỷ lệ giải quyết đúng hạn')!;
    expect(Number(rate[1])).toBeCloseTo(e.timeliness.onTimeRate! * 100, 2);
  });

  it('returns the same monthly figures as JSON', async () => {
    const res = await get('/api/v1/reports/monthly?month=2026-11&format=json', director).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expectSummary(res.body.summary, expected(rows, calendar, undefined, '2026-11-01', '2026-11-30'));
    expect(res.body.tables).toHaveLength(11);
  });

  it('publishes open dossiers by status and by working days to the due date on /metrics', async () => {
    const text = (await request(t.baseUrl).get('/metrics').expect(200)).text;
    const open = rows.filter((r) => OPEN.includes(r.status));
    const gauge = (name: string, labels: string) => {
      const line = text.split('\n').find((l) => l.startsWith(`${name}{${labels}}`));
      return line ? Number(line.split(' ').pop()) : 0;
    };
    for (const center of CENTERS) {
      for (const status of OPEN) {
        const count = open.filter((r) => r.centerCode === center.code && r.status === status).length;
        expect(gauge('tctn_open_dossiers_by_status', `center="${center.code}",status="${status}"`)).toBe(count);
      }
      const bucketOf = (r: Row) => {
        if (r.status === 'SUPPLEMENT_REQUESTED') return 'paused';
        if (!r.dueDate) return 'no_due_date';
        if (r.dueDate < today) return 'overdue';
        const left = workingDays(calendar, today, r.dueDate);
        return left <= 3 ? '0_3' : left <= 10 ? '4_10' : 'over_10';
      };
      const buckets = tally(open.filter((r) => r.centerCode === center.code).map(bucketOf));
      for (const bucket of ['overdue', '0_3', '4_10', 'over_10', 'paused', 'no_due_date']) {
        expect(gauge('tctn_open_dossiers_by_due', `center="${center.code}",bucket="${bucket}"`)).toBe(
          buckets[bucket] ?? 0,
        );
      }
    }
    expect(
      open.filter((r) => r.dueDate && r.dueDate < today && r.status !== 'SUPPLEMENT_REQUESTED').length,
    ).toBeGreaterThan(0);
  });
});
