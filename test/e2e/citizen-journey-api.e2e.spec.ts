import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { applicationFor, residents } from '../support/dossier-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { auth, citizenBearer, staffBearer } from '../support/tokens';

/**
 * Issue #16, server side of the journeys: the citizen's draft (answers and files before filing, filing from it),
 * the queue's counts in one call, and browsers getting pages instead of problem+json.
 */
describe('citizen draft, queue counts and browser error pages', () => {
  let t: TestApp;
  let db: Client;
  const people = residents('eligible');

  beforeAll(async () => {
    t = await startTestApp();
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const api = () => request(t.baseUrl);
  const pdf = (salt = Math.random().toString(36)) => Buffer.from(`%PDF-1.4\n% ${salt}\n%%EOF\n`);
  const attach = (token: string, kind: string, bytes = pdf()) =>
    api().post('/api/v1/me/draft/attachments').set(auth(token)).field('kind', kind).attach('file', bytes, 'giay.pdf');

  it('saves the answers, restores them, and names the documents the law asks for this contract type', async () => {
    const token = await citizenBearer(t, people[0].personalId);
    const empty = await api().get('/api/v1/me/draft').set(auth(token)).expect(200);
    expect(empty.body).toEqual(
      expect.objectContaining({ data: {}, updatedAt: null, attachments: [], requiredDocuments: [] }),
    );
    const answers = { terminationDate: '2026-10-30', contractType: 'fixed_term', phone: '0912 345 678', step: 2 };
    await api().put('/api/v1/me/draft').set(auth(token)).send(answers).expect(200);
    const back = await api().get('/api/v1/me/draft').set(auth(token)).expect(200);
    expect(back.body.data).toEqual(answers);
    expect(back.body.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // Decisions taken from 2026 follow Luật Việc làm 74/2025: the proof of termination only.
    expect(back.body.requiredDocuments).toEqual(['termination_proof']);
    expect(back.body.terminationProofOptions[0]).toBe('Hợp đồng lao động đã hết hạn hoặc đã hoàn thành công việc');
    // Another person sees their own (empty) draft, never this one.
    const other = await citizenBearer(t, people[1].personalId);
    expect((await api().get('/api/v1/me/draft').set(auth(other)).expect(200)).body.data).toEqual({});
  });

  it('refuses an unknown field, a wrong type and an oversized body with 400/413 naming the field', async () => {
    const token = await citizenBearer(t, people[0].personalId);
    const unknown = await api().put('/api/v1/me/draft').set(auth(token)).send({ nationalSecret: 'x' }).expect(400);
    expect(unknown.body.errors[0]).toEqual(expect.objectContaining({ field: 'nationalSecret', code: 'unknown_field' }));
    const bad = await api()
      .put('/api/v1/me/draft')
      .set(auth(token))
      .send({ terminationDate: '30/10/2026' })
      .expect(400);
    expect(bad.body.errors[0].field).toBe('terminationDate');
    const big = await api()
      .put('/api/v1/me/draft')
      .set(auth(token))
      .send({ lastEmployer: { name: 'x'.repeat(20_000) } });
    expect([400, 413]).toContain(big.status);
  });

  it('keeps files before filing, removes one, refuses filing without the proof, then files with the files moved', async () => {
    const person = people[2];
    const token = await citizenBearer(t, person.personalId);
    const wrong = await attach(token, 'other').expect(201);
    expect(wrong.body).toEqual(expect.objectContaining({ kind: 'other', fileName: 'giay-to-other-1.pdf' }));
    const body = applicationFor(person);
    const refused = await api().post('/api/v1/me/draft/submit').set(auth(token)).send(body).expect(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: 'attachments', code: 'required_document_missing' }),
    ]);
    expect((await db.query(`SELECT 1 FROM dossier WHERE personal_id = $1`, [person.personalId])).rowCount).toBe(0);

    await api().delete(`/api/v1/me/draft/attachments/${wrong.body.id}`).set(auth(token)).expect(204);
    await api().delete(`/api/v1/me/draft/attachments/${wrong.body.id}`).set(auth(token)).expect(404);
    const proof = await attach(token, 'termination_proof').expect(201);
    // Someone else cannot remove it.
    const other = await citizenBearer(t, people[3].personalId);
    await api().delete(`/api/v1/me/draft/attachments/${proof.body.id}`).set(auth(other)).expect(404);

    const filed = await api()
      .post('/api/v1/me/draft/submit')
      .set(auth(token))
      .set('Idempotency-Key', 'draft-submit-1')
      .send(body)
      .expect(201);
    expect(filed.body.status).toBe('SUBMITTED');
    expect(filed.body.attachments).toEqual([
      expect.objectContaining({
        id: proof.body.id,
        kind: 'termination_proof',
        fileName: 'giay-to-termination-proof-1.pdf',
      }),
    ]);
    // The draft is gone, its file is the dossier's (downloadable with the same bytes).
    expect((await db.query(`SELECT 1 FROM citizen_draft WHERE personal_id = $1`, [person.personalId])).rowCount).toBe(
      0,
    );
    const file = await api()
      .get(`/api/v1/dossiers/${filed.body.id}/attachments/${proof.body.id}`)
      .set(auth(token))
      .expect(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    // A retry with the same key answers the same dossier.
    const again = await api()
      .post('/api/v1/me/draft/submit')
      .set(auth(token))
      .set('Idempotency-Key', 'draft-submit-1')
      .send(body)
      .expect(201);
    expect(again.body.id).toBe(filed.body.id);
  });

  it('still files with POST /api/v1/dossiers and no draft, as docs/api.md says (attachments afterwards)', async () => {
    const person = people[4];
    const token = await citizenBearer(t, person.personalId);
    const filed = await api().post('/api/v1/dossiers').set(auth(token)).send(applicationFor(person)).expect(201);
    expect(filed.body.attachments).toEqual([]);
  });

  it('counts the queue per status, overdue and due soon in one call, scoped to the caller center', async () => {
    const receiver = await staffBearer(t, 'counts.receiver', 'receiver', 'DNA-BH');
    const res = await api().get('/api/v1/staff/dossiers/counts').set(auth(receiver)).expect(200);
    const { rows } = await db.query(
      `SELECT status, count(*)::int AS n FROM dossier WHERE center_code = 'DNA-BH' GROUP BY status`,
    );
    expect(res.body.byStatus).toEqual(Object.fromEntries(rows.map((r) => [r.status, r.n])));
    expect(res.body.byStatus.SUBMITTED).toBeGreaterThanOrEqual(2);
    expect(typeof res.body.overdue).toBe('number');
    expect(typeof res.body.dueSoon).toBe('number');
    const elsewhere = await staffBearer(t, 'counts.other', 'receiver', 'HCM-Q1');
    const theirs = await api().get('/api/v1/staff/dossiers/counts').set(auth(elsewhere)).expect(200);
    expect(theirs.body.byStatus.SUBMITTED ?? 0).toBe(0);
    await api().get('/api/v1/staff/dossiers/counts?centerCode=DNA-BH').set(auth(elsewhere)).expect(403);
    await api().get('/api/v1/staff/dossiers/counts').expect(401);
  });

  it('the queue takes several statuses at once (a role default view), the oldest filing first within a day', async () => {
    const receiver = await staffBearer(t, 'counts.receiver', 'receiver', 'DNA-BH');
    const res = await api().get('/api/v1/staff/dossiers?status=SUBMITTED,RECEIVED').set(auth(receiver)).expect(200);
    expect(res.body.items.length).toBeGreaterThanOrEqual(2);
    expect(res.body.items.every((i: { status: string }) => ['SUBMITTED', 'RECEIVED'].includes(i.status))).toBe(true);
    // Filed the same day: the earlier filing first (before, the random id decided), also across pages.
    const filedAts = res.body.items.map((i: { filedAt: string }) => i.filedAt);
    expect(filedAts).toEqual([...filedAts].sort());
    const first = await api().get('/api/v1/staff/dossiers?status=SUBMITTED&limit=1').set(auth(receiver)).expect(200);
    const next = await api()
      .get(`/api/v1/staff/dossiers?status=SUBMITTED&limit=1&cursor=${first.body.nextCursor}`)
      .set(auth(receiver))
      .expect(200);
    expect(next.body.items[0].filedAt > first.body.items[0].filedAt).toBe(true);
    await api().get('/api/v1/staff/dossiers?status=SUBMITTED,NOPE').set(auth(receiver)).expect(400);
  });

  it('a browser gets a Vietnamese page in the site shell for an unknown URL; an API client still gets problem+json', async () => {
    const page = await api()
      .get('/khong-co-trang-nay')
      .set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8')
      .expect(404);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('Không tìm thấy trang');
    expect(page.text).toContain('class="site-header"');
    expect(page.text).toContain('href="/"');
    const json = await api().get('/khong-co-trang-nay').set('Accept', 'application/json').expect(404);
    expect(json.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('a failed e-ID return shows the site page with a way to log in again', async () => {
    const page = await api()
      .get('/auth/eid/callback?code=x&state=y')
      .set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8');
    expect(page.status).toBeGreaterThanOrEqual(400);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('Không đăng nhập được');
    expect(page.text).toContain('class="site-header"');
    expect(page.text).toContain('Đăng nhập lại bằng VNeID');
  });

  it('the Director and the center head read the would-be decision as a watermarked, unsigned draft before deciding', async () => {
    const person = people[5];
    const token = await citizenBearer(t, person.personalId);
    await attach(token, 'termination_proof').expect(201);
    const filed = await api().post('/api/v1/me/draft/submit').set(auth(token)).send(applicationFor(person)).expect(201);
    const id = filed.body.id as string;
    const head = await staffBearer(t, 'preview.head', 'center_head', 'DNA-BH', 'Trần Văn Trưởng');
    // Before the review there is nothing to preview.
    await api().get(`/api/v1/staff/dossiers/${id}/decision/preview`).set(auth(head)).expect(409);
    let version = filed.body.version as number;
    for (const [role, body] of [
      ['receiver', { action: 'receive' }],
      ['reviewer', { action: 'start_review' }],
      ['reviewer', { action: 'complete_review', recommendation: 'deny', note: 'Đã có việc làm mới.' }],
      ['center_head', { action: 'propose' }],
    ] as const) {
      const staff = await staffBearer(t, `preview.${role}`, role, 'DNA-BH');
      const res = await api()
        .post(`/api/v1/staff/dossiers/${id}/actions`)
        .set(auth(staff))
        .send({ ...body, expectedVersion: version })
        .expect(200);
      version = res.body.version;
    }
    const director = await staffBearer(t, 'preview.director', 'director', null, 'Lê Thị Giám Đốc');
    const binary = (r: request.Test) =>
      r.buffer(true).parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    const res = await binary(api().get(`/api/v1/staff/dossiers/${id}/decision/preview`).set(auth(director)));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^inline; filename="du-thao-thong-bao-khong-huong-/);
    const file = join(mkdtempSync(join(tmpdir(), 'tctn-preview-')), 'preview.pdf');
    writeFileSync(file, res.body);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).normalize('NFC');
    // The reviewer recommended "không hưởng": the refusal notice, watermarked, with the person's name. (The
    // diagonal watermark comes out of pdftotext letter by letter, out of order; the title names it as a draft.)
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' }).normalize('NFC')).toMatch(
      /Title:\s+DỰ THẢO — Thông báo/,
    );
    expect(text).toContain('Ự');
    expect(text.toUpperCase()).toContain('KHÔNG ĐƯỢC HƯỞNG');
    expect(text).toContain(person.fullName);
    // The approval can be previewed too; nothing was issued or numbered.
    const approval = await binary(
      api().get(`/api/v1/staff/dossiers/${id}/decision/preview?kind=approval`).set(auth(head)),
    );
    expect(approval.status).toBe(200);
    expect(
      (await db.query(`SELECT 1 FROM issued_document WHERE dossier_id = $1 AND kind LIKE 'decision%'`, [id])).rowCount,
    ).toBe(0);
    await api().get(`/api/v1/staff/dossiers/${id}/decision/preview?kind=maybe`).set(auth(director)).expect(400);
    const reviewer = await staffBearer(t, 'preview.reviewer', 'reviewer', 'DNA-BH');
    await api().get(`/api/v1/staff/dossiers/${id}/decision/preview`).set(auth(reviewer)).expect(403);
    const otherHead = await staffBearer(t, 'preview.otherhead', 'center_head', 'HCM-Q1');
    await api().get(`/api/v1/staff/dossiers/${id}/decision/preview`).set(auth(otherHead)).expect(403);
  });
});
