import { Client } from 'pg';
import request from 'supertest';
import { NoticeReminders } from '../../src/benefits/notice-reminders.service';
import { applicationFor, residents } from '../support/dossier-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { auth, citizenBearer } from '../support/tokens';

/**
 * Reminders of the monthly job-search notice (Luật Việc làm 74/2025 Điều 40; NĐ 374/2025: a notice every benefit
 * month, within its window): the day before a window opens and the day before it closes, once each, never for a
 * month already notified, by e-mail and SMS through the notifications facility.
 */
describe('job-search notice reminders', () => {
  let t: TestApp;
  let db: Client;
  beforeAll(async () => {
    t = await startTestApp();
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  it('reminds before a window opens and the day before it closes, once each, and not for a notified month', async () => {
    const citizen = residents('eligible')[15];
    const token = await citizenBearer(t, citizen.personalId);
    const id = (
      await request(t.baseUrl).post('/api/v1/dossiers').set(auth(token)).send(applicationFor(citizen)).expect(201)
    ).body.id as string;
    // A running benefit whose month 1 was notified, month 2's window opens tomorrow (Tue 2026-12-01 → Thu 12-03),
    // month 3's window (Thu 2026-11-26 → Tue 12-01) closes tomorrow and has no notice.
    await db.query(
      `INSERT INTO benefit (dossier_id, center_code, personal_id, status, monthly_benefit, benefit_months, result_returned_on)
       VALUES ($1, 'DNA-BH', $2, 'active', 5000000, 3, '2026-10-20')`,
      [id, citizen.personalId],
    );
    const month = (n: number, from: string, to: string) =>
      db.query(
        `INSERT INTO benefit_month (dossier_id, month, period_from, period_to, notice_from, notice_to) VALUES ($1, $2, $3, $3, $3, $4)`,
        [id, n, from, to],
      );
    await month(1, '2026-11-25', '2026-11-30');
    await month(2, '2026-12-01', '2026-12-03');
    await month(3, '2026-11-26', '2026-12-01');
    await db.query(
      `INSERT INTO job_search_notice (id, dossier_id, month, channel, filed_at, filed_on, center_code, activities,
         receipt_number, filed_by)
       VALUES (gen_random_uuid(), $1::uuid, 1, 'online', now(), '2026-11-25', 'DNA-BH', '[]', 'TB-' || $1::text, 'citizen')`,
      [id],
    );

    const reminders = t.app.get(NoticeReminders);
    await reminders.run('2026-11-30');
    await reminders.run('2026-11-30');
    const { rows } = await db.query(
      `SELECT template, channel, body FROM notification WHERE dossier_id = $1 AND template LIKE 'notice_window%'
       ORDER BY template, channel`,
      [id],
    );
    const sent = rows.map((r: { template: string; channel: string }) => `${r.template} ${r.channel}`);
    // Month 2: it opens tomorrow. Month 3: it is open (its opening reminder was missed) and closes tomorrow.
    // Month 1: notified, nothing. A second run on the same day sends nothing more.
    expect(sent).toEqual([
      'notice_window_closing email',
      'notice_window_closing sms',
      'notice_window_open email',
      'notice_window_open email',
      'notice_window_open sms',
      'notice_window_open sms',
    ]);
    const bodies = rows.map((r: { body: string }) => r.body).join('\n');
    expect(bodies).toContain('03/12/2026');
    expect(bodies).toContain('01/12/2026');
    expect(bodies).not.toContain('30/11/2026');
  });
});
