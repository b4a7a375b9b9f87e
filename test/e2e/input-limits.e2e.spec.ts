import { Client } from 'pg';
import request from 'supertest';
import { applicationFor, residents } from '../support/dossier-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { auth, citizenBearer, staffBearer } from '../support/tokens';
import { attachTerminationProof } from '../support/attachments';

/** Issue #14: validation amplification, control characters, single-line text, registry-read rate limits. */
describe('input limits', () => {
  let t: TestApp;
  let db: Client;
  const people = residents('eligible');
  const READS_PER_MINUTE = 6;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: String(READS_PER_MINUTE) });
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const api = () => request(t.baseUrl);
  const unknownKeys = (n: number) =>
    JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 0])));
  const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);
  const registryReads = async (personalId: string) =>
    (await db.query(`SELECT count(*)::int AS n FROM data_access_log WHERE subject_personal_id = $1`, [personalId]))
      .rows[0].n as number;

  describe('validation amplification', () => {
    it('refuses a 975 KB calculator body with 413 before validating it', async () => {
      const body = unknownKeys(90_000);
      expect(body.length).toBeGreaterThan(900_000);
      expect(body.length).toBeLessThan(1_000_000);
      const res = await api()
        .post('/api/v1/eligibility/assessments')
        .set('content-type', 'application/json')
        .send(body);
      expect(res.status).toBe(413);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('answers a body of thousands of unknown keys with one short problem, never one error per key', async () => {
      const res = await api()
        .post('/api/v1/eligibility/assessments')
        .set('content-type', 'application/json')
        .send(unknownKeys(4_000));
      expect(res.status).toBe(400);
      expect(res.body.errors.length).toBeGreaterThan(0);
      expect(res.body.errors.length).toBeLessThanOrEqual(20);
      expect(res.text.length).toBeLessThan(10_000);
    });

    it('refuses a body with more keys than any request needs, naming the body', async () => {
      const res = await api()
        .post('/api/v1/eligibility/assessments')
        .set('content-type', 'application/json')
        .send(unknownKeys(12_000));
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'body', code: 'too_large' })]);
    });

    it('keeps JSON bodies of the filing routes small (64 KB) and still takes 1 200 contribution months', async () => {
      const token = await citizenBearer(t, people[0].personalId);
      const big = { ...applicationFor(people[0]), padding: 'x'.repeat(100_000) };
      const res = await api().post('/api/v1/dossiers').set(auth(token)).send(big);
      expect(res.status).toBe(413);
      expect(await registryReads(people[0].personalId)).toBe(0);

      const months = Array.from({ length: 1_200 }, (_, i) => ({
        month: `${1926 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
        salary: 9_000_000,
      }));
      const calculator = await api().post('/api/v1/eligibility/assessments').send({
        terminationDate: '2026-10-15',
        filingDate: '2026-10-20',
        terminationReason: 'contract_expired',
        contractType: 'fixed_term',
        salaryRegime: 'employer',
        zone: 'I',
        contributions: months,
      });
      expect(calculator.status).not.toBe(413);
      expect(calculator.status).toBeLessThan(500);
    });
  });

  describe('rate limits on routes that read a national registry', () => {
    it('limits one citizen to RATE_LIMIT_PER_MINUTE reads of the profile a minute, however many addresses', async () => {
      const person = people[1];
      const token = await citizenBearer(t, person.personalId);
      const statuses: number[] = [];
      for (let i = 0; i < READS_PER_MINUTE + 2; i++) {
        statuses.push((await api().get('/api/v1/me/profile').set(auth(token))).status);
      }
      expect(statuses.slice(0, READS_PER_MINUTE).every((s) => s === 200)).toBe(true);
      const limited = await api().get('/api/v1/me/profile').set(auth(token));
      expect(limited.status).toBe(429);
      expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(await registryReads(person.personalId)).toBe(2 * READS_PER_MINUTE);
      // Another citizen is not affected.
      const other = await citizenBearer(t, people[2].personalId);
      expect((await api().get('/api/v1/me/profile').set(auth(other))).status).toBe(200);
    });

    it('limits filing and counter filing too', async () => {
      const receiver = await staffBearer(t, 'tn.limit', 'receiver', 'DNA-BH');
      const statuses: number[] = [];
      for (let i = 0; i < READS_PER_MINUTE + 1; i++) {
        statuses.push(
          (await api().post('/api/v1/staff/dossiers').set(auth(receiver)).send({ personalId: 'x', application: {} }))
            .status,
        );
      }
      expect(statuses[READS_PER_MINUTE]).toBe(429);
      const citizen = await citizenBearer(t, people[3].personalId);
      const filing: number[] = [];
      for (let i = 0; i < READS_PER_MINUTE + 1; i++) {
        filing.push((await api().post('/api/v1/dossiers').set(auth(citizen)).send({})).status);
      }
      expect(filing[READS_PER_MINUTE]).toBe(429);
    });
  });

  describe('control characters (400 naming the field, before any registry read)', () => {
    it('refuses a NUL in the employer name without reading the registries', async () => {
      const person = people[4];
      const token = await citizenBearer(t, person.personalId);
      const body = applicationFor(person);
      body.lastEmployer.name = 'Công ty\u0000 A';
      const res = await api().post('/api/v1/dossiers').set(auth(token)).send(body);
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(['lastEmployer.name']);
      expect(res.body.errors[0].code).toBe('invalid_character');
      expect(await registryReads(person.personalId)).toBe(0);
    });

    it('refuses a NUL in the queue search, and malformed cursors, naming the field', async () => {
      const token = await staffBearer(t, 'tn.nul', 'receiver', 'DNA-BH');
      const q = await api().get('/api/v1/staff/dossiers?q=ab%00cd').set(auth(token));
      expect(q.status).toBe(400);
      expect(fieldsOf(q.body)).toEqual(['q']);
      for (const raw of [
        `2026-99-99|${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}`,
        `2026-01-01|${'-'.repeat(36)}`,
      ]) {
        const cursor = Buffer.from(raw).toString('base64url');
        const res = await api().get(`/api/v1/staff/dossiers?cursor=${cursor}`).set(auth(token));
        expect(res.status).toBe(400);
        expect(fieldsOf(res.body)).toEqual(['cursor']);
      }
      const nulCursor = await api().get('/api/v1/staff/dossiers?cursor=%00').set(auth(token));
      expect(nulCursor.status).toBe(400);
      expect(fieldsOf(nulCursor.body)).toEqual(['cursor']);
    });

    it('refuses a NUL in the staff login and in an action note', async () => {
      const login = await api().post('/api/v1/auth/staff/login').send({ username: 'tiepnhan\u0000', password: 'x' });
      expect(login.status).toBe(400);
      expect(fieldsOf(login.body)).toEqual(['username']);
      const token = await staffBearer(t, 'tn.note', 'receiver', 'DNA-BH');
      const note = await api()
        .post('/api/v1/staff/dossiers/00000000-0000-4000-8000-000000000000/actions')
        .set(auth(token))
        .send({ action: 'receive', expectedVersion: 1, note: 'a\u0000b' });
      expect(note.status).toBe(400);
      expect(fieldsOf(note.body)).toEqual(['note']);
    });

    it('names a hostile key with its control character spelled out', async () => {
      const res = await api()
        .post('/api/v1/eligibility/assessments')
        .set('content-type', 'application/json')
        .send('{"a\\u0001b": 1}');
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(['a\\u0001b']);
    });
  });

  describe('single-line text', () => {
    it('folds line breaks in the employer name, address and account holder into one line (no forged paragraph)', async () => {
      const person = people[5];
      const token = await citizenBearer(t, person.personalId);
      const body = applicationFor(person);
      body.lastEmployer.name = 'Công ty A\r\n\r\nĐiều 1a. Nay quyết định\u2028thêm';
      body.lastEmployer.address = '  KCN\tBiên Hòa 2,\n phường Long Bình  ';
      body.payment.accountHolder = 'NGUYEN\nVAN A';
      const res = await api().post('/api/v1/dossiers').set(auth(token)).send(body);
      expect(res.status).toBe(201);
      const { rows } = await db.query(`SELECT application FROM dossier WHERE id = $1`, [res.body.id]);
      expect(rows[0].application.lastEmployer.name).toBe('Công ty A Điều 1a. Nay quyết định thêm');
      expect(rows[0].application.lastEmployer.address).toBe('KCN Biên Hòa 2, phường Long Bình');
      expect(rows[0].application.payment.accountHolder).toBe('NGUYEN VAN A');
    });

    it('stores names in NFC and refuses bidirectional overrides', async () => {
      const person = people[6];
      const token = await citizenBearer(t, person.personalId);
      const decomposed = applicationFor(person);
      decomposed.lastEmployer.name = 'Công ty Nguye\u0302\u0303n';
      const res = await api().post('/api/v1/dossiers').set(auth(token)).send(decomposed);
      expect(res.status).toBe(201);
      const { rows } = await db.query(`SELECT application FROM dossier WHERE id = $1`, [res.body.id]);
      expect(rows[0].application.lastEmployer.name).toBe('Công ty Nguyễn');

      const other = people[7];
      const bidi = applicationFor(other);
      bidi.lastEmployer.address = 'KCN Biên Hòa \u202Efdp.exe';
      const refused = await api()
        .post('/api/v1/dossiers')
        .set(auth(await citizenBearer(t, other.personalId)))
        .send(bidi);
      expect(refused.status).toBe(400);
      expect(fieldsOf(refused.body)).toEqual(['lastEmployer.address']);
    });

    it('keeps line breaks in a note but folds them in a reason', async () => {
      const receiver = await staffBearer(t, 'tn.lines', 'receiver', 'DNA-BH');
      const file = async (person: (typeof people)[number]) => {
        const token = await citizenBearer(t, person.personalId);
        const id = (await api().post('/api/v1/dossiers').set(auth(token)).send(applicationFor(person)).expect(201)).body
          .id as string;
        await attachTerminationProof(t.baseUrl, id, token);
        return id;
      };
      const [first, second] = [await file(people[8]), await file(people[9])];
      const act = (id: string, body: Record<string, unknown>) =>
        api().post(`/api/v1/staff/dossiers/${id}/actions`).set(auth(receiver)).send(body).expect(200);
      await act(first, { action: 'receive', expectedVersion: 1, note: 'dòng 1\r\ndòng 2' });
      await act(second, { action: 'reject_intake', expectedVersion: 1, reason: 'Thiếu\n\nĐiều 2. giấy tờ' });
      const { rows } = await db.query(
        `SELECT action, note FROM dossier_event WHERE dossier_id = ANY($1::uuid[]) AND action <> 'submit'
          ORDER BY action`,
        [[first, second]],
      );
      expect(rows).toEqual([
        { action: 'receive', note: 'dòng 1\ndòng 2' },
        { action: 'reject_intake', note: 'Thiếu Điều 2. giấy tờ' },
      ]);
    });
  });
});
