import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Client } from 'pg';
import { TestApp, startTestAppWithDb } from '../support/test-app';
import { auth, citizenBearer, staffBearer } from '../support/tokens';

/**
 * Satisfaction rating (once per dossier, owner only, after the result), the open data GET /api/v1/public/kpi (JSON and
 * CSV, no personal data) and the staff indicators, through HTTP with the real guards.
 */
describe('indicators over HTTP', () => {
  let t: TestApp;
  let db: Client;
  let close: () => Promise<void>;
  const OWNER = '075190001234';
  const OTHER = '075190004321';
  const returned = randomUUID();
  const open = randomUUID();
  let n = 0;

  async function dossier(id: string, personalId: string, status: string) {
    n += 1;
    await db.query(
      `INSERT INTO dossier (id, code, personal_id, center_code, channel, status, full_name, search_name, applicant,
         application, assessment, termination_date, filed_at, sort_date)
       VALUES ($1, $2, $3, 'E2E-KPI', 'online', $4, 'Nguyễn Thị Bình', 'nguyen thi binh', '{}', '{}', '{}', '2026-01-05', now(), current_date)`,
      [id, `KPI-${n}`, personalId, status],
    );
  }

  beforeAll(async () => {
    ({ t, db, close } = await startTestAppWithDb());
    await db.query(
      `INSERT INTO service_center (code, name, province_name) VALUES ('E2E-KPI', 'Trung tâm Kiểm thử', 'Tỉnh Đồng Nai')`,
    );
    await dossier(returned, OWNER, 'RESULT_RETURNED');
    await dossier(open, OTHER, 'IN_REVIEW');
  });
  afterAll(async () => close?.());

  it('lets the owner rate once after the result, 1–5 with a comment, and answers 404 to anyone else', async () => {
    const owner = await citizenBearer(t, OWNER);
    const other = await citizenBearer(t, OTHER);
    await request(t.app.getHttpServer())
      .post(`/api/v1/dossiers/${returned}/satisfaction`)
      .set(auth(other))
      .send({ rating: 5 })
      .expect(404);
    const bad = await request(t.app.getHttpServer())
      .post(`/api/v1/dossiers/${returned}/satisfaction`)
      .set(auth(owner))
      .send({ rating: 6 })
      .expect(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'rating' });
    const staff = await staffBearer(t, 'kpi.head', 'center_head', 'E2E-KPI');
    await request(t.app.getHttpServer())
      .post(`/api/v1/dossiers/${returned}/satisfaction`)
      .set(auth(staff))
      .send({ rating: 4 })
      .expect(403);

    const first = await request(t.app.getHttpServer())
      .post(`/api/v1/dossiers/${returned}/satisfaction`)
      .set(auth(owner))
      .send({ rating: 4, comment: '  Cán bộ hướng dẫn tận tình.  ' })
      .expect(201);
    expect(first.body).toMatchObject({ rating: 4, comment: 'Cán bộ hướng dẫn tận tình.' });
    const again = await request(t.app.getHttpServer())
      .post(`/api/v1/dossiers/${returned}/satisfaction`)
      .set(auth(owner))
      .send({ rating: 1 })
      .expect(409);
    expect(again.body.errors[0]).toMatchObject({ code: 'already_rated' });
    const mine = await request(t.app.getHttpServer())
      .get(`/api/v1/dossiers/${returned}/satisfaction`)
      .set(auth(owner))
      .expect(200);
    expect(mine.body.rating).toBe(4);
    await request(t.app.getHttpServer()).get(`/api/v1/dossiers/${returned}/satisfaction`).set(auth(other)).expect(404);
    const { rows } = await db.query(`SELECT rating FROM satisfaction_rating WHERE dossier_id = $1`, [returned]);
    expect(rows).toEqual([{ rating: 4 }]);
  });

  it('refuses a rating before the result is returned (422) and writes nothing', async () => {
    const other = await citizenBearer(t, OTHER);
    const res = await request(t.app.getHttpServer())
      .post(`/api/v1/dossiers/${open}/satisfaction`)
      .set(auth(other))
      .send({ rating: 3 })
      .expect(422);
    expect(res.body.errors[0]).toMatchObject({ code: 'result_not_returned' });
    const { rows } = await db.query(`SELECT 1 FROM satisfaction_rating WHERE dossier_id = $1`, [open]);
    expect(rows).toHaveLength(0);
  });

  it('publishes the month as JSON and as CSV (by ?format= or Accept), counts only, without personal data', async () => {
    const month = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);
    const json = await request(t.app.getHttpServer()).get(`/api/v1/public/kpi?month=${month}`).expect(200);
    expect(json.body.month).toBe(month);
    expect(json.body.province).toMatchObject({ scope: 'province', filedTotal: 2, filedOnline: 2, onlineShare: 1 });
    const center = json.body.centers.find((c: { centerCode: string }) => c.centerCode === 'E2E-KPI');
    expect(center).toMatchObject({ centerName: 'Trung tâm Kiểm thử', satisfactionRatings: 1, satisfactionAverage: 4 });
    const text = JSON.stringify(json.body);
    for (const secret of [OWNER, OTHER, returned, 'Nguyễn Thị Bình', 'tận tình']) expect(text).not.toContain(secret);

    const csv = await request(t.app.getHttpServer()).get(`/api/v1/public/kpi?month=${month}&format=csv`).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const [header, province, ...centers] = csv.text.trim().split('\r\n');
    expect(header.split(',')).toEqual(Object.keys(json.body.province));
    expect(province.split(',').slice(0, 6)).toEqual([month, 'province', '', '', '2', '2']);
    expect(centers).toHaveLength(json.body.centers.length);
    const byAccept = await request(t.app.getHttpServer())
      .get(`/api/v1/public/kpi?month=${month}`)
      .set('Accept', 'text/csv')
      .expect(200);
    expect(byAccept.text).toBe(csv.text);
  });

  it('answers a malformed or future month and an unknown format with a 400 naming the field', async () => {
    const bad = await request(t.app.getHttpServer()).get('/api/v1/public/kpi?month=2026-13').expect(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect(bad.body.errors[0]).toMatchObject({ field: 'month', code: 'invalid_format' });
    const future = await request(t.app.getHttpServer()).get('/api/v1/public/kpi?month=2999-01').expect(400);
    expect(future.body.errors[0]).toMatchObject({ field: 'month', code: 'out_of_range' });
    const format = await request(t.app.getHttpServer()).get('/api/v1/public/kpi?format=xml').expect(400);
    expect(format.body.errors[0]).toMatchObject({ field: 'format' });
  });

  it('serves the staff indicators to the Director and refuses a citizen', async () => {
    const director = await staffBearer(t, 'kpi.director', 'director', null);
    const res = await request(t.app.getHttpServer()).get('/api/v1/indicators').set(auth(director)).expect(200);
    expect(res.body.province.filed.total).toBe(2);
    const citizen = await citizenBearer(t, OWNER);
    await request(t.app.getHttpServer()).get('/api/v1/indicators').set(auth(citizen)).expect(403);
  });

  it('exports every registry read of a month per staff account and purpose as CSV, to administrators only', async () => {
    // Reads in May 2026 (Vietnam time), one on each side of the month's edges.
    const reads = [
      ['2026-04-30T16:59:00Z', 'staff', 'canbo.a', 'review', 'population', '075190000111'], // 23:59 on 30/4: April
      ['2026-04-30T17:00:00Z', 'staff', 'canbo.a', 'review', 'population', '075190000111'], // 00:00 on 1/5
      ['2026-05-10T03:00:00Z', 'staff', 'canbo.a', 'review', 'social_insurance', '075190000222'],
      ['2026-05-11T03:00:00Z', 'staff', 'canbo.a', 'review', 'population', '075190000222'],
      ['2026-05-12T03:00:00Z', 'staff', 'canbo.b', 'dossier_review', 'population', '075190000333'],
      ['2026-05-13T03:00:00Z', 'citizen', '075190000444', 'prefill', 'population', '075190000444'],
      ['2026-05-31T16:59:59Z', 'system', 'sweep', 'benefit_reemployment_sweep', 'social_insurance', '075190000111'],
      ['2026-05-31T17:00:00Z', 'staff', 'canbo.a', 'review', 'population', '075190000111'], // 1/6
    ];
    for (const [at, type, id, purpose, source, subject] of reads)
      await db.query(
        `INSERT INTO data_access_log (occurred_at, subject_personal_id, actor_type, actor_id, source, purpose, request_id)
         VALUES ($1, $2, $3, $4, $5, $6, 'req-1')`,
        [at, subject, type, id, source, purpose],
      );
    const admin = await staffBearer(t, 'kpi.admin', 'admin', null);
    const summary = await request(t.app.getHttpServer())
      .get('/api/v1/admin/data-access/export?month=2026-05')
      .set(auth(admin))
      .expect(200);
    expect(summary.headers['content-type']).toMatch(/^text\/csv/);
    expect(summary.text.trim().split('\r\n')).toEqual([
      'actorType,actorId,purpose,source,reads,subjects,firstAt,lastAt',
      'citizen,075190000444,prefill,population,1,1,2026-05-13T10:00:00+07:00,2026-05-13T10:00:00+07:00',
      'staff,canbo.a,review,population,2,2,2026-05-01T00:00:00+07:00,2026-05-11T10:00:00+07:00',
      'staff,canbo.a,review,social_insurance,1,1,2026-05-10T10:00:00+07:00,2026-05-10T10:00:00+07:00',
      'staff,canbo.b,dossier_review,population,1,1,2026-05-12T10:00:00+07:00,2026-05-12T10:00:00+07:00',
      'system,sweep,benefit_reemployment_sweep,social_insurance,1,1,2026-05-31T23:59:59+07:00,2026-05-31T23:59:59+07:00',
    ]);
    const all = await request(t.app.getHttpServer())
      .get('/api/v1/admin/data-access/export?month=2026-05&view=reads')
      .set(auth(admin))
      .expect(200);
    const lines = all.text.trim().split('\r\n');
    expect(lines).toHaveLength(1 + 6);
    expect(lines[2]).toBe('2026-05-01T00:00:00+07:00,staff,canbo.a,review,population,075190000111,req-1');
    expect(lines[4]).toBe('2026-05-11T10:00:00+07:00,staff,canbo.a,review,population,075190000222,req-1');
    const { rows } = await db.query(
      `SELECT entity_id, data FROM audit_log WHERE action = 'data_access.exported' ORDER BY id`,
    );
    expect(rows).toEqual([
      { entity_id: '2026-05', data: { view: 'summary' } },
      { entity_id: '2026-05', data: { view: 'reads' } },
    ]);

    const director = await staffBearer(t, 'kpi.director2', 'director', null);
    await request(t.app.getHttpServer())
      .get('/api/v1/admin/data-access/export?month=2026-05')
      .set(auth(director))
      .expect(403);
    const missing = await request(t.app.getHttpServer()).get('/api/v1/admin/data-access/export').set(auth(admin));
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0]).toMatchObject({ field: 'month' });
  });
});
