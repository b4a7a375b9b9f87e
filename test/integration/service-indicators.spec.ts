import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { WorkingCalendarRepository } from '../../src/calendar/working-calendar.repository';
import { LegalContextService } from '../../src/eligibility/legal-context.service';
import { LegalRulesRepository } from '../../src/eligibility/legal-rules.repository';
import { ELIGIBILITY_ENTITIES } from '../../src/eligibility/eligibility.entities';
import { IndicatorsRepository } from '../../src/indicators/indicators.repository';
import { IndicatorsService } from '../../src/indicators/indicators.service';
import { FixedClock } from '../../src/platform/clock/clock';
import { createTestDatabase } from '../support/database';

/**
 * Oracle test of the service indicators (QĐ 766/QĐ-TTg) on generated data in PostgreSQL with the real migrations.
 * Every expected figure is computed here from the generated rows, by walking the calendar day by day, without the
 * code under test: the legal clock as "working days used, supplement pauses excluded, at most the processing time"
 * (Luật Việc làm 74/2025; NĐ 374/2025: 20 working days, paused while the citizen supplements).
 */

const MONTH = '2026-04';
const FIRST = '2026-04-01';
const LAST = '2026-04-30';
const CENTERS = [
  { code: 'IND-A', name: 'Trung tâm A' },
  { code: 'IND-B', name: 'Trung tâm B' },
];
const CHANNELS = ['online', 'portal', 'counter'] as const;
const DAY = 86_400_000;

function rng(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}

const plus = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
/** An instant on a Vietnam calendar date at the given Vietnam hour. */
const at = (date: string, hour: number) => new Date(Date.parse(`${date}T00:00:00Z`) + (hour - 7) * 3_600_000);

interface Decided {
  center: string;
  received: string;
  pauses: [string, string][];
  decided: string;
  issuedOn: string | null;
}

describe('service indicators of a month (oracle on generated data)', () => {
  let url: string;
  let db: Client;
  let dataSource: DataSource;
  let holidays: Map<string, string>;
  let processingDays: number;
  const isWorking = (d: string) => {
    const kind = holidays.get(d);
    if (kind) return kind === 'working';
    const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
    return dow !== 0 && dow !== 6;
  };
  /** Working days in (from, to]. */
  const wd = (from: string, to: string) => {
    let n = 0;
    for (let d = plus(from, 1); d <= to; d = plus(d, 1)) if (isWorking(d)) n++;
    return n;
  };
  /** The n-th working day after `from`. */
  const nthAfter = (from: string, n: number) => {
    let d = from;
    for (let k = 0; k < n;) {
      d = plus(d, 1);
      if (isWorking(d)) k++;
    }
    return d;
  };
  const workingDayFrom = (d: string): string => (isWorking(d) ? d : workingDayFrom(plus(d, 1)));

  const filings: { center: string; channel: string; filedAt: Date }[] = [];
  const decided: Decided[] = [];
  const notices: { center: string; noticeTo: string; filedOn: string | null; cancelled: boolean }[] = [];
  const payments: { center: string; month: number; periodFrom: string; status: string; paidAt: string | null }[] = [];
  const ratings: { center: string; rating: number; ratedOn: string }[] = [];
  let seq = 0;

  async function dossier(center: string, channel: string, filedAt: Date, status: string): Promise<string> {
    const id = randomUUID();
    seq += 1;
    await db.query(
      `INSERT INTO dossier (id, code, personal_id, center_code, channel, status, full_name, search_name, applicant,
         application, assessment, termination_date, filed_at, sort_date)
       VALUES ($1, $2, $3, $4, $5, $6, 'Nguyễn Văn A', 'nguyen van a', '{}', '{}', '{}', '2026-02-01', $7, '2026-03-01')`,
      [id, `IND-${seq}`, `0751900${String(seq).padStart(5, '0')}`, center, channel, status, filedAt],
    );
    filings.push({ center, channel, filedAt });
    return id;
  }
  async function event(id: string, n: number, on: string, action: string, to: string) {
    await db.query(
      `INSERT INTO dossier_event (dossier_id, seq, occurred_at, action, to_status, actor_type) VALUES ($1, $2, $3, $4, $5, 'staff')`,
      [id, n, at(on, 10), action, to],
    );
  }

  beforeAll(async () => {
    ({ url } = await createTestDatabase());
    db = new Client({ connectionString: url });
    await db.connect();
    holidays = new Map(
      (await db.query(`SELECT date::text AS date, kind FROM working_calendar_day`)).rows.map((r) => [r.date, r.kind]),
    );
    processingDays = Number(
      (await db.query(`SELECT value FROM legal_parameter WHERE key = 'vn2025.processing_working_days'`)).rows[0].value,
    );
    for (const c of CENTERS)
      await db.query(`INSERT INTO service_center (code, name, province_name) VALUES ($1, $2, 'Tỉnh Đồng Nai')`, [
        c.code,
        c.name,
      ]);
    const r = rng(2204);

    // Filings around the month, some a few minutes either side of midnight in Vietnam at its edges.
    for (let i = 0; i < 90; i++) {
      const edge = r.int(0, 9);
      const filedAt =
        edge === 0
          ? at('2026-04-01', r.chance(0.5) ? 0.1 : -0.1) // 00:06 on 1/4 or 23:54 on 31/3 (Vietnam time)
          : edge === 1
            ? at('2026-05-01', r.chance(0.5) ? 0.1 : -0.1)
            : at(plus('2026-03-25', r.int(0, 42)), r.int(7, 20));
      await dossier(r.pick(CENTERS).code, r.pick(CHANNELS), filedAt, 'SUBMITTED');
    }

    // Decided dossiers: receipt in March/April on a working day, 0–2 supplement pauses early in the clock,
    // decided on a working day 3–32 working days later (so some are late), decision issued or not yet.
    for (let i = 0; i < 70; i++) {
      const received = workingDayFrom(plus('2026-03-02', r.int(0, 50)));
      const pauses: [string, string][] = [];
      let cursor = received;
      for (let p = r.int(0, 2); p > 0; p--) {
        const req = nthAfter(cursor, r.int(1, 4));
        const ans = nthAfter(req, r.int(1, 8));
        pauses.push([req, ans]);
        cursor = ans;
      }
      const decidedOn = nthAfter(cursor, r.int(1, 28));
      const issuedOn = r.chance(0.8) ? plus(decidedOn, r.int(0, 2)) : null;
      const d: Decided = { center: r.pick(CENTERS).code, received, pauses, decided: decidedOn, issuedOn };
      const id = await dossier(d.center, r.pick(CHANNELS), at(plus(received, -1), 9), 'APPROVED');
      let n = 0;
      await event(id, ++n, received, 'receive', 'RECEIVED');
      for (const [req, ans] of pauses) {
        await event(id, ++n, req, 'request_supplement', 'SUPPLEMENT_REQUESTED');
        await event(id, ++n, ans, 'supplement', 'IN_REVIEW');
      }
      await event(id, ++n, decidedOn, r.chance(0.8) ? 'approve' : 'deny', 'APPROVED');
      // A later decision after a revocation does not move the month of the first decision.
      if (r.chance(0.1)) await event(id, ++n, plus(decidedOn, 40), 'approve', 'APPROVED');
      if (issuedOn)
        await db.query(
          `INSERT INTO issued_document (id, dossier_id, kind, authority_symbol, year, verification_code, sha256, object_key,
             holder_name, issuer_name, issued_at)
           VALUES ($1, $2, 'decision-approval', 'QĐ-SNV', 2026, $3, $4, 'k', 'A', 'B', $5)`,
          [randomUUID(), id, randomUUID(), 'a'.repeat(64), at(issuedOn, 15)],
        );
      if (decidedOn >= FIRST && decidedOn <= LAST) decided.push(d);
    }

    // Benefit months: notice windows and payments around the month.
    for (let i = 0; i < 25; i++) {
      const center = r.pick(CENTERS).code;
      const id = await dossier(center, 'online', at('2026-02-01', 9), 'RESULT_RETURNED');
      await db.query(
        `INSERT INTO benefit (dossier_id, center_code, personal_id, status, monthly_benefit, benefit_months, result_returned_on)
         VALUES ($1, $2, '075190000001', 'active', 3000000, 3, '2026-03-01')`,
        [id, center],
      );
      let periodFrom = plus('2026-02-20', r.int(0, 20));
      for (let month = 1; month <= 3; month++) {
        const noticeFrom = workingDayFrom(periodFrom);
        const noticeTo = nthAfter(noticeFrom, 2);
        const cancelled = r.chance(0.1);
        const roll = r.int(0, 9);
        const filedOn = roll < 6 ? plus(noticeFrom, r.int(0, 2)) : roll < 8 ? plus(noticeTo, r.int(1, 3)) : null;
        await db.query(
          `INSERT INTO benefit_month (dossier_id, month, period_from, period_to, notice_from, notice_to, outcome)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [id, month, periodFrom, plus(periodFrom, 29), noticeFrom, noticeTo, cancelled ? 'cancelled' : null],
        );
        if (filedOn)
          await db.query(
            `INSERT INTO job_search_notice (id, dossier_id, month, channel, filed_at, filed_on, center_code, activities,
               receipt_number, filed_by)
             VALUES ($1, $2, $3, 'online', $4, $5, $6, '[]', $7, 'x')`,
            [randomUUID(), id, month, at(filedOn, 9), filedOn, center, randomUUID()],
          );
        notices.push({ center, noticeTo, filedOn, cancelled });
        const status = r.pick(['paid', 'paid', 'paid', 'pending', 'failed']);
        const paidAt = status === 'paid' ? plus(periodFrom, r.int(0, 16)) : null;
        await db.query(
          `INSERT INTO benefit_payment (dossier_id, dossier_code, personal_id, month, period_from, period_to, amount, status, paid_at)
           VALUES ($1, 'x', '075190000001', $2, $3, $4, 3000000, $5, $6)`,
          [id, month, periodFrom, plus(periodFrom, 29), status, paidAt],
        );
        payments.push({ center, month, periodFrom, status, paidAt });
        periodFrom = plus(periodFrom, 30);
      }
      const rating = r.int(1, 5);
      const ratedOn = plus('2026-03-25', r.int(0, 40));
      await db.query(
        `INSERT INTO satisfaction_rating (dossier_id, center_code, rating, comment, rated_at, rated_on)
         VALUES ($1, $2, $3, NULL, $4, $5)`,
        [id, center, rating, at(ratedOn, 11), ratedOn],
      );
      ratings.push({ center, rating, ratedOn });
    }

    dataSource = await new DataSource({ type: 'postgres', url, entities: ELIGIBILITY_ENTITIES }).initialize();
  });
  afterAll(async () => {
    await db?.end();
    await dataSource?.destroy();
  });

  const vnDate = (instant: Date) => new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  const ratio = (n: number, d: number) => (d ? Math.round((n / d) * 10_000) / 10_000 : null);

  function expected(center: string | null, lastDay: string) {
    const mine = <T extends { center: string }>(xs: T[]) => xs.filter((x) => center === null || x.center === center);
    const filed = mine(filings).filter((f) => vnDate(f.filedAt) >= FIRST && vnDate(f.filedAt) <= lastDay);
    const count = (ch: string) => filed.filter((f) => f.channel === ch).length;
    const dec = mine(decided).filter((d) => d.decided <= lastDay);
    const used = dec.map((d) => wd(d.received, d.decided) - d.pauses.reduce((s, [a, b]) => s + wd(a, b), 0));
    const sorted = [...used].sort((a, b) => a - b);
    const p90 = sorted.length ? sorted[Math.ceil(sorted.length * 0.9) - 1] : null;
    const due = mine(notices).filter((n) => !n.cancelled && n.noticeTo >= FIRST && n.noticeTo <= lastDay);
    const pay = mine(payments)
      .map((p) => ({ ...p, due: nthAfter(p.month === 1 ? p.periodFrom : plus(p.periodFrom, 6), 5) }))
      .filter((p) => p.due >= FIRST && p.due <= lastDay);
    const rated = mine(ratings).filter((x) => x.ratedOn >= FIRST && x.ratedOn <= lastDay);
    return {
      filed: {
        total: filed.length,
        online: count('online'),
        portal: count('portal'),
        counter: count('counter'),
        onlineShare: ratio(count('online') + count('portal'), filed.length),
      },
      decided: dec.length,
      onTime: {
        count: used.filter((u) => u <= processingDays).length,
        total: dec.length,
        share: ratio(used.filter((u) => u <= processingDays).length, dec.length),
      },
      electronicResult: {
        count: dec.filter((d) => d.issuedOn !== null && d.issuedOn <= lastDay).length,
        total: dec.length,
        share: ratio(dec.filter((d) => d.issuedOn !== null && d.issuedOn <= lastDay).length, dec.length),
      },
      averageWorkingDaysToDecision: used.length
        ? Math.round((used.reduce((s, u) => s + u, 0) / used.length) * 100) / 100
        : null,
      p90WorkingDaysToDecision: p90,
      noticesOnTime: {
        count: due.filter((n) => n.filedOn !== null && n.filedOn <= n.noticeTo).length,
        total: due.length,
        share: ratio(due.filter((n) => n.filedOn !== null && n.filedOn <= n.noticeTo).length, due.length),
      },
      paymentsOnTime: {
        count: pay.filter((p) => p.status === 'paid' && p.paidAt! <= p.due).length,
        total: pay.length,
        share: ratio(pay.filter((p) => p.status === 'paid' && p.paidAt! <= p.due).length, pay.length),
      },
      satisfaction: {
        ratings: rated.length,
        average: rated.length ? Math.round((rated.reduce((s, x) => s + x.rating, 0) / rated.length) * 100) / 100 : null,
        distribution: [1, 2, 3, 4, 5].map((k) => rated.filter((x) => x.rating === k).length),
      },
    };
  }

  function service(today: Date) {
    const legal = new LegalContextService(
      new LegalRulesRepository(dataSource),
      new WorkingCalendarRepository(dataSource),
    );
    return new IndicatorsService(new IndicatorsRepository(dataSource), legal, new FixedClock(today));
  }

  it('QĐ 766 indicators of a closed month, province-wide and per center, equal the figures counted independently', async () => {
    const result = await service(at('2026-06-15', 9)).month(MONTH);
    expect(result.complete).toBe(true);
    expect(result.countedUntil).toBe(LAST);
    // The data must exercise every branch: late and on-time decisions, pauses, missed notices, late payments.
    const all = expected(null, LAST);
    expect(all.onTime.count).toBeGreaterThan(0);
    expect(all.onTime.count).toBeLessThan(all.onTime.total);
    expect(all.noticesOnTime.count).toBeLessThan(all.noticesOnTime.total);
    expect(all.paymentsOnTime.count).toBeLessThan(all.paymentsOnTime.total);
    expect(all.paymentsOnTime.count).toBeGreaterThan(0);
    expect(result.province).toEqual(all);
    expect(result.centers.map((c) => c.centerCode)).toEqual(CENTERS.map((c) => c.code));
    for (const c of result.centers) {
      expect(c.centerName).toBe(CENTERS.find((x) => x.code === c.centerCode)!.name);
      expect(c.indicators).toEqual(expected(c.centerCode, LAST));
    }
  });

  it('the running month counts only what is due by today (Luật Việc làm 74/2025: windows and payments not yet due are not late)', async () => {
    const result = await service(at('2026-04-17', 9)).month(MONTH);
    expect(result.complete).toBe(false);
    expect(result.countedUntil).toBe('2026-04-17');
    expect(result.province).toEqual(expected(null, '2026-04-17'));
  });

  it('refuses a month in the future or malformed with a validation error naming the field', () => {
    const s = service(at('2026-04-17', 9));
    expect(() => s.checkedMonth('2026-05')).toThrow(expect.objectContaining({ details: expect.anything() }));
    expect(() => s.checkedMonth('2026-13')).toThrow();
    expect(s.checkedMonth(undefined)).toBe('2026-04');
    expect(s.checkedMonth('2026-03')).toBe('2026-03');
  });
});
