import { Client } from 'pg';
import request from 'supertest';
import { applicationFor, residents } from '../support/dossier-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { auth, citizenBearer } from '../support/tokens';

/** Issue #14: per-dossier attachment quotas; stored and served names from the sniffed type, never the upload's. */
describe('attachment quotas and names', () => {
  let t: TestApp;
  let db: Client;
  const people = residents('eligible');

  beforeAll(async () => {
    t = await startTestApp({ ATTACHMENTS_PER_DOSSIER: '3', ATTACHMENT_MB_PER_DOSSIER: '1' });
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const api = () => request(t.baseUrl);
  const pdf = (size: number, salt = Math.random().toString(36)) =>
    Buffer.concat([Buffer.from(`%PDF-1.4\n% ${salt}\n`), Buffer.alloc(Math.max(0, size - 20), 0x20)]);
  const fileFor = async (index: number) => {
    const person = people[index];
    const token = await citizenBearer(t, person.personalId);
    const filed = await api().post('/api/v1/dossiers').set(auth(token)).send(applicationFor(person)).expect(201);
    return { token, id: filed.body.id as string };
  };
  const upload = (d: { token: string; id: string }, bytes: Buffer, name = 'giay.pdf') =>
    api()
      .post(`/api/v1/dossiers/${d.id}/attachments`)
      .set(auth(d.token))
      .field('kind', 'termination_proof')
      .attach('file', bytes, name);

  it('stores and serves a PDF uploaded as .hta under a name from its type, with a safe Content-Disposition', async () => {
    const d = await fileFor(0);
    const res = await upload(d, pdf(100), 'huong-dan.hta');
    expect(res.status).toBe(201);
    expect(res.body.fileName).toBe('giay-to-termination-proof-1.pdf');
    const bat = await upload(d, pdf(100), '..\\run "me".bat');
    expect(bat.body.fileName).toBe('giay-to-termination-proof-2.pdf');
    const { rows } = await db.query(`SELECT file_name FROM attachment WHERE dossier_id = $1 ORDER BY file_name`, [
      d.id,
    ]);
    expect(rows.map((r) => r.file_name)).toEqual([
      'giay-to-termination-proof-1.pdf',
      'giay-to-termination-proof-2.pdf',
    ]);
    const back = await api().get(`/api/v1/dossiers/${d.id}/attachments/${bat.body.id}`).set(auth(d.token)).expect(200);
    expect(back.headers['content-disposition']).toBe(
      `attachment; filename="giay-to-termination-proof-2.pdf"; filename*=UTF-8''giay-to-termination-proof-2.pdf`,
    );
    expect(back.headers['content-type']).toBe('application/pdf');
    expect(back.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves a row stored with a dangerous uploaded name under a derived name', async () => {
    const d = await fileFor(1);
    const res = await upload(d, pdf(100)).expect(201);
    await db.query(`UPDATE attachment SET file_name = 'virus.hta' WHERE id = $1`, [res.body.id]);
    const back = await api().get(`/api/v1/dossiers/${d.id}/attachments/${res.body.id}`).set(auth(d.token)).expect(200);
    expect(back.headers['content-disposition']).not.toContain('hta');
  });

  it('refuses a file over the per-dossier count with 413 naming the field, even when sent all at once', async () => {
    const d = await fileFor(2);
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => upload(d, pdf(200, `n${i}`))));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, 201, 201, 413, 413, 413]);
    const refused = answers.find((a) => a.status === 413)!;
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'file', code: 'too_many_files' })]);
    expect(refused.body.detail).toMatch(/tối đa 3 tệp/);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM attachment WHERE dossier_id = $1`, [d.id]);
    expect(rows[0].n).toBe(3);
  });

  it('refuses a file that would take the dossier over its total size', async () => {
    const d = await fileFor(3);
    await upload(d, pdf(600 * 1024)).expect(201);
    const over = await upload(d, pdf(600 * 1024));
    expect(over.status).toBe(413);
    expect(over.body.errors).toEqual([expect.objectContaining({ field: 'file', code: 'quota_exceeded' })]);
    await upload(d, pdf(300 * 1024)).expect(201);
  });
});
