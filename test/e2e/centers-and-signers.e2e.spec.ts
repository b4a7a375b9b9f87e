import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DocumentIssuanceWorker } from '../../src/documents/issuance/document-issuance.worker';
import { pdfText, runTool } from '../support/debian-tools';
import { WORKFLOW } from '../../src/dossiers/domain/dossier-workflow';
import { DOSSIER_DOCUMENTS, DossierDocuments } from '../../src/dossiers/ports/dossier-documents.port';
import { CLOCK, Clock } from '../../src/platform/clock/clock';
import { OBJECT_STORE, ObjectStore } from '../../src/platform/storage/object-store.port';
import { APPROVED_OUTPUT } from '../support/dossier-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { auth, staffBearer } from '../support/tokens';

/** The next calendar day of an ISO date, computed with Date (independent of the service's calendar code). */
const nextDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe('centers and dated signers, administered (issue #23 items 5, 6)', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: string;
  let receiver: string;
  const api = () => request(t.baseUrl);

  beforeAll(async () => {
    t = await startTestApp({ DOCUMENT_WORKER: 'off' });
    ds = t.app.get(DataSource);
    admin = await staffBearer(t, 'quantri.test', 'admin', null, 'Quản trị thử');
    receiver = await staffBearer(t, 'tiepnhan.test', 'receiver', 'DNA-BH', 'Cán bộ thử');
  });
  afterAll(() => t.close());

  let personal = 200000;
  async function insertDossier(centerCode: string, status: string): Promise<{ id: string; code: string }> {
    const id = randomUUID();
    personal += 1;
    const code = `${centerCode}-20261102-${String(personal).slice(-5)}`;
    await ds.query(
      `INSERT INTO dossier (id, code, personal_id, center_code, channel, status, full_name, search_name, applicant, application,
         assessment, termination_date, filed_at, received_at, due_date, sort_date)
       VALUES ($1, $2, $3, $4, 'online', $5, 'Nguyễn Thị Ánh Tuyết', 'nguyen thi anh tuyet', $6, $7, $8, '2026-10-15',
         '2026-11-02T02:15:00Z', '2026-11-02T03:00:00Z', '2026-11-30', '2026-11-02')`,
      [
        id,
        code,
        `075190${personal}`,
        centerCode,
        status,
        {
          fullName: 'Nguyễn Thị Ánh Tuyết',
          dateOfBirth: '1990-03-15',
          sex: 'female',
          permanentAddress: {
            line: 'Số 12, đường Võ Thị Sáu',
            communeName: 'Phường Trấn Biên',
            provinceName: 'Tỉnh Đồng Nai',
          },
        },
        {
          terminationDate: '2026-10-15',
          terminationReason: 'contract_expired',
          contractType: 'fixed_term',
          lastEmployer: { name: 'Công ty TNHH Điện tử Biên Hòa', address: 'Biên Hòa' },
          centerCode,
          payment: { method: 'cash' },
          phone: '0912345678',
          declarationAccepted: true,
        },
        { output: APPROVED_OUTPUT },
      ],
    );
    return { id, code };
  }

  const details = (code: string, communes: string[]) => {
    const { code: _code, ...rest } = center(code, communes);
    return rest;
  };
  const center = (code: string, communes: string[]) => ({
    code,
    name: `Trung tâm Dịch vụ việc làm thử ${code}`,
    provinceName: 'Đồng Nai',
    address: 'Số 5, đường Nguyễn Ái Quốc, Phường Tam Hiệp, Tỉnh Đồng Nai',
    phone: '0251 3800 199',
    hours: 'Thứ Hai đến Thứ Sáu, 7 giờ 30 – 17 giờ 00',
    communes,
  });

  describe('centers', () => {
    it('lists the seeded centers with the communes they serve, to administrators only', async () => {
      const res = await api().get('/api/v1/admin/centers').set(auth(admin)).expect(200);
      const bh = res.body.items.find((c: { code: string }) => c.code === 'DNA-BH');
      expect(bh).toMatchObject({ active: true, communes: ['75001', '75002', '75003', '75004'] });
      await api().get('/api/v1/admin/centers').set(auth(receiver)).expect(403);
      // The public directory names the communes too (citizens' pages choose the center serving theirs).
      const pub = await api().get('/api/v1/centers').expect(200);
      expect(pub.body.find((c: { code: string }) => c.code === 'DNA-LK').communes).toEqual(['75005', '75006']);
    });

    it('adds a center, audited; a duplicate code is 409 and a bad field 400 naming it', async () => {
      const created = await api()
        .post('/api/v1/admin/centers')
        .set(auth(admin))
        .send(center('DNA-TB', ['75901']))
        .expect(201);
      expect(created.body).toMatchObject({ code: 'DNA-TB', active: true, communes: ['75901'] });
      const [audit] = await ds.query(
        `SELECT actor_id, data FROM audit_log WHERE action = 'center.add' AND entity_id = 'DNA-TB'`,
      );
      expect(audit.actor_id).toBe('quantri.test');
      const dup = await api().post('/api/v1/admin/centers').set(auth(admin)).send(center('DNA-TB', [])).expect(409);
      expect(dup.body.errors[0].field).toBe('code');
      const bad = await api()
        .post('/api/v1/admin/centers')
        .set(auth(admin))
        .send({ ...center('DNA-XX', []), communes: ['7500'] })
        .expect(400);
      expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('communes');
    });

    it('refuses a commune already served by another open center (422 naming communes)', async () => {
      const res = await api()
        .put('/api/v1/admin/centers/DNA-TB')
        .set(auth(admin))
        .send(details('DNA-TB', ['75901', '75001']))
        .expect(422);
      expect(res.body.errors[0]).toMatchObject({ field: 'communes', code: 'commune_taken' });
      const ok = await api()
        .put('/api/v1/admin/centers/DNA-TB')
        .set(auth(admin))
        .send({ ...details('DNA-TB', ['75902', '75901']), phone: '0251 3800 200' })
        .expect(200);
      expect(ok.body).toMatchObject({ phone: '0251 3800 200', communes: ['75901', '75902'] });
    });

    it('closes a center: open and undecided-return dossiers and running benefits move, with the reason, in one transaction', async () => {
      const open = await insertDossier('DNA-TB', 'IN_REVIEW');
      const approved = await insertDossier('DNA-TB', 'APPROVED');
      const finished = await insertDossier('DNA-TB', 'RESULT_RETURNED');
      const paying = await insertDossier('DNA-TB', 'RESULT_RETURNED');
      await ds.query(
        `INSERT INTO benefit (dossier_id, center_code, personal_id, status, monthly_benefit, benefit_months, result_returned_on)
         SELECT id, center_code, personal_id, 'active', 5520000, 3, '2026-11-20' FROM dossier WHERE id = $1`,
        [paying.id],
      );
      const reason = 'Sáp nhập theo Quyết định số 12/QĐ-UBND ngày 01/12/2026';
      const res = await api()
        .post('/api/v1/admin/centers/DNA-TB/close')
        .set(auth(admin))
        .send({ successorCode: 'DNA-BH', reason })
        .expect(201);
      expect(res.body.moved).toEqual({ dossiers: 3, benefits: 1 });
      expect(res.body.center).toMatchObject({
        active: false,
        successorCode: 'DNA-BH',
        closedReason: reason,
        communes: [],
      });
      const rows: { id: string; center_code: string }[] = await ds.query(
        `SELECT id, center_code FROM dossier WHERE id = ANY($1::uuid[])`,
        [[open.id, approved.id, finished.id, paying.id]],
      );
      const where = Object.fromEntries(rows.map((r) => [r.id, r.center_code]));
      expect(where).toEqual({
        [open.id]: 'DNA-BH',
        [approved.id]: 'DNA-BH',
        [finished.id]: 'DNA-TB',
        [paying.id]: 'DNA-BH',
      });
      const [benefit] = await ds.query(`SELECT center_code FROM benefit WHERE dossier_id = $1`, [paying.id]);
      expect(benefit.center_code).toBe('DNA-BH');
      const moved = await ds.query(
        `SELECT entity_id, data FROM audit_log WHERE action = 'dossier.center_moved' ORDER BY id`,
      );
      expect(moved.map((m: { entity_id: string }) => m.entity_id).sort()).toEqual(
        [open.id, approved.id, paying.id].sort(),
      );
      expect(moved[0].data).toMatchObject({ from: 'DNA-TB', to: 'DNA-BH', reason });
      const [bh] = await ds.query(`SELECT communes FROM service_center WHERE code = 'DNA-BH'`);
      expect(bh.communes).toEqual(expect.arrayContaining(['75001', '75901', '75902']));
      // Closed: gone from the public directory, not closable again, not editable.
      const pub = await api().get('/api/v1/centers').expect(200);
      expect(pub.body.map((c: { code: string }) => c.code)).not.toContain('DNA-TB');
      await api()
        .post('/api/v1/admin/centers/DNA-TB/close')
        .set(auth(admin))
        .send({ successorCode: 'DNA-BH', reason })
        .expect(409);
    });

    it('refuses to close into itself or into a closed or unknown center, changing nothing', async () => {
      await api().post('/api/v1/admin/centers').set(auth(admin)).send(center('DNA-ZZ', [])).expect(201);
      const d = await insertDossier('DNA-ZZ', 'SUBMITTED');
      for (const successorCode of ['DNA-ZZ', 'DNA-TB', 'NOPE-1']) {
        const res = await api()
          .post('/api/v1/admin/centers/DNA-ZZ/close')
          .set(auth(admin))
          .send({ successorCode, reason: 'Thử đóng cửa trung tâm không hợp lệ' })
          .expect(422);
        expect(res.body.errors[0].field).toBe('successorCode');
      }
      const [row] = await ds.query(`SELECT center_code FROM dossier WHERE id = $1`, [d.id]);
      expect(row.center_code).toBe('DNA-ZZ');
    });
  });

  describe('signers', () => {
    it('refuses overlapping periods of one scope with 422 naming the field that reaches in', async () => {
      const base = { scope: 'DNA-LK', capacity: 'head', fullName: 'Lê Văn Tâm' };
      await api()
        .post('/api/v1/admin/signers')
        .set(auth(admin))
        .send({ ...base, validFrom: '2027-01-01', validTo: '2027-01-31' })
        .expect(201);
      const starts = await api()
        .post('/api/v1/admin/signers')
        .set(auth(admin))
        .send({ ...base, validFrom: '2027-01-31', validTo: '2027-02-10' })
        .expect(422);
      expect(starts.body.errors[0]).toMatchObject({ field: 'validFrom', code: 'signer_period_overlap' });
      expect(starts.body.errors[0].message).toContain('Lê Văn Tâm');
      const ends = await api()
        .post('/api/v1/admin/signers')
        .set(auth(admin))
        .send({ ...base, validFrom: '2026-12-01', validTo: null })
        .expect(422);
      expect(ends.body.errors[0]).toMatchObject({ field: 'validTo', code: 'signer_period_overlap' });
      // Another scope on the same days is fine; an unknown center is not.
      await api()
        .post('/api/v1/admin/signers')
        .set(auth(admin))
        .send({ ...base, scope: 'DNA-DX', validFrom: '2027-01-01' })
        .expect(201);
      const unknown = await api()
        .post('/api/v1/admin/signers')
        .set(auth(admin))
        .send({ ...base, scope: 'NOPE-1', validFrom: '2027-01-01' })
        .expect(422);
      expect(unknown.body.errors[0].field).toBe('scope');
      const backwards = await api()
        .post('/api/v1/admin/signers')
        .set(auth(admin))
        .send({ ...base, scope: 'DNA-BH', validFrom: '2027-01-05', validTo: '2027-01-04' })
        .expect(400);
      expect(backwards.body.errors[0].field).toBe('validTo');
      await api()
        .post('/api/v1/admin/signers')
        .set(auth(receiver))
        .send({ ...base, validFrom: '2028-01-01' })
        .expect(403);
    });

    it('the database refuses an overlap too (the exclusion constraint behind the check)', async () => {
      await expect(
        ds.query(
          `INSERT INTO signer_authority (id, scope, capacity, full_name, valid_from, valid_to, created_by)
           VALUES ($1, 'DNA-LK', 'head', 'Ai đó', '2027-01-15', '2027-01-20', 'test')`,
          [randomUUID()],
        ),
      ).rejects.toThrow(/signer_authority_no_overlap/);
    });
  });

  describe('acceptance: a Deputy Director in force on a date signs that day\'s decisions "KT. GIÁM ĐỐC"', () => {
    let today: string;
    let worker: DocumentIssuanceWorker;
    let documents: DossierDocuments;
    let store: ObjectStore;
    const SIGNATURE = { width: 240, height: 90 };

    beforeAll(async () => {
      worker = t.app.get(DocumentIssuanceWorker);
      documents = t.app.get(DOSSIER_DOCUMENTS);
      store = t.app.get(OBJECT_STORE);
      today = t.app.get<Clock>(CLOCK).today();
    });
    afterAll(() => api().delete('/sandbox/clock'));

    async function decide(): Promise<string> {
      const d = await insertDossier('DNA-BH', 'PROPOSED');
      await ds.transaction(async (em) => {
        const [{ seq }] = await em.query(
          `INSERT INTO dossier_event (dossier_id, seq, occurred_at, action, from_status, to_status, actor_type, actor_id, actor_name)
           VALUES ($1, 1, now(), 'approve', 'PROPOSED', 'APPROVED', 'staff', 'phogiamdoc.snv', 'Nguyễn Thị Kiều Oanh') RETURNING seq`,
          [d.id],
        );
        await documents.requestIssue(em, { dossierId: d.id, kind: WORKFLOW.approve.document!, eventSeq: seq });
        await em.query(`UPDATE dossier SET status = 'APPROVED' WHERE id = $1`, [d.id]);
      });
      expect(await worker.drain()).toBeGreaterThanOrEqual(1);
      const [doc] = await ds.query(`SELECT object_key FROM issued_document WHERE dossier_id = $1`, [d.id]);
      const path = join(mkdtempSync(join(tmpdir(), 'tctn-signer-')), 'decision.pdf');
      writeFileSync(path, await store.get(doc.object_key));
      return path;
    }

    /** The signer block: the lines after "Nơi nhận"/the last article, as pdftotext lays them out. */
    const compact = (text: string) => text.replace(/\s+/g, ' ');

    it('prints the deputy with KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC and her own signature image that day, GIÁM ĐỐC the next', async () => {
      const deputy = await api()
        .post('/api/v1/admin/signers')
        .set(auth(admin))
        .send({
          scope: 'department',
          capacity: 'deputy',
          fullName: 'Nguyễn Thị Kiều Oanh',
          staffUsername: 'phogiamdoc.snv',
          validFrom: today,
          validTo: today,
          certificateRef: 'Ban Cơ yếu Chính phủ – số hiệu 54 03 A1',
        })
        .expect(201);
      expect(deputy.body).toMatchObject({ onBehalfOf: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC' });
      await api()
        .post('/api/v1/admin/signers')
        .set(auth(admin))
        .send({ scope: 'department', capacity: 'head', fullName: 'Phạm Quang Vinh', validFrom: nextDay(today) })
        .expect(201);
      // Her signature: a blue stroke on transparent, of a size no other image in the document has.
      const png = new PNG(SIGNATURE);
      for (let y = 40; y < 50; y += 1)
        for (let x = 20; x < 220; x += 1) png.data.set([20, 40, 160, 255], (y * SIGNATURE.width + x) * 4);
      const image = await api()
        .put(`/api/v1/admin/signers/${deputy.body.id}/signature-image`)
        .set(auth(admin))
        .send({ png: PNG.sync.write(png).toString('base64') })
        .expect(200);
      expect(image.body.signatureImageKey).toMatch(/^signers\/.+\/signature-[0-9a-f]{16}\.png$/);
      const notPng = await api()
        .put(`/api/v1/admin/signers/${deputy.body.id}/signature-image`)
        .set(auth(admin))
        .send({ png: Buffer.from('not an image at all').toString('base64') })
        .expect(400);
      expect(notPng.body.errors[0].field).toBe('png');

      const first = await decide();
      expect((await runTool('pdfsig', [first])).stdout).toContain('Signature is Valid.');
      const text = compact(await pdfText(first));
      expect(text).toMatch(/KT\. GIÁM ĐỐC PHÓ GIÁM ĐỐC .*Nguyễn Thị Kiều Oanh/);
      const images = (await runTool('pdfimages', ['-list', first])).stdout;
      expect(images).toMatch(new RegExp(`\\s${SIGNATURE.width}\\s+${SIGNATURE.height}\\s`));
      await renderPages(first, 'deputy');

      await api()
        .put('/sandbox/clock')
        .send({ today: nextDay(today) })
        .expect(200);
      const second = await decide();
      const next = compact(await pdfText(second));
      expect(next).not.toContain('KT. GIÁM ĐỐC');
      expect(next).not.toContain('PHÓ GIÁM ĐỐC');
      expect(next).toMatch(/GIÁM ĐỐC .*Phạm Quang Vinh/);
      await renderPages(second, 'director');
    });

    /** The pages as PNG (pdftoppm) under test-artifacts/, to look at the signer block. */
    async function renderPages(pdf: string, name: string): Promise<void> {
      const dir = join(__dirname, '..', '..', 'test-artifacts', 'signers');
      mkdirSync(dir, { recursive: true });
      const result = await runTool('pdftoppm', ['-png', '-r', '70', pdf, join(dir, name)]);
      expect(result.code).toBe(0);
      expect(readdirSync(dir).filter((f) => f.startsWith(name) && f.endsWith('.png')).length).toBeGreaterThan(0);
    }
  });
});
