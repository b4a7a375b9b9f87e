import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Client } from 'pg';
import { previousMonth } from '../../src/indicators/indicators.service';
import { MonthlyReportService } from '../../src/indicators/report/monthly-report.service';
import { TestApp, startTestAppWithDb } from '../support/test-app';
import { auth, staffBearer } from '../support/tokens';

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** The monthly report: on the 13th a draft of the previous month (PDF in the Nghị định 30 form and XLSX), kept. */
describe('monthly report', () => {
  let t: TestApp;
  let db: Client;
  let close: () => Promise<void>;
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  const month = previousMonth(today);
  const dir = mkdtempSync(join(tmpdir(), 'monthly-report-'));

  beforeAll(async () => {
    ({ t, db, close } = await startTestAppWithDb());
    await db.query(
      `INSERT INTO service_center (code, name, province_name) VALUES ('BC-A', 'Trung tâm Dịch vụ việc làm Biên Hòa', 'Tỉnh Đồng Nai')`,
    );
    // Five dossiers filed on the 10th of the reported month: three online, one on the portal, one at the counter.
    for (const [i, channel] of ['online', 'online', 'online', 'portal', 'counter'].entries())
      await db.query(
        `INSERT INTO dossier (id, code, personal_id, center_code, channel, status, full_name, search_name, applicant,
           application, assessment, termination_date, filed_at, sort_date)
         VALUES ($1, $2, $3, 'BC-A', $4, 'SUBMITTED', 'A', 'a', '{}', '{}', '{}', '2026-01-05', $5, $6)`,
        [randomUUID(), `BC-${i}`, `07519000770${i}`, channel, `${month}-10T03:00:00Z`, `${month}-10`],
      );
  });
  afterAll(async () => close?.());

  it('is prepared from the 13th only, once, and listed for the Director with its PDF and XLSX', async () => {
    const reports = t.app.get(MonthlyReportService);
    expect(await reports.prepareDue(`${today.slice(0, 7)}-12`)).toBeNull();
    expect(await reports.prepareDue(`${today.slice(0, 7)}-13`)).toBe(month);
    expect(await reports.prepareDue(`${today.slice(0, 7)}-14`)).toBeNull();

    const director = await staffBearer(t, 'bc.director', 'director', null);
    const list = await request(t.app.getHttpServer()).get('/api/v1/indicator-reports').set(auth(director)).expect(200);
    expect(list.body).toEqual([expect.objectContaining({ month, status: 'draft' })]);

    const pdf = await request(t.app.getHttpServer())
      .get(`/api/v1/indicator-reports/${month}/pdf`)
      .set(auth(director))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const pdfPath = join(dir, 'report.pdf');
    writeFileSync(pdfPath, pdf.body as Buffer);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).normalize('NFC');
    const [y, m] = month.split('-');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain(`Tình hình giải quyết hưởng trợ cấp thất nghiệp tháng ${m}/${y}`);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(
      'Số hồ sơ tiếp nhận trong tháng: 5 hồ sơ, trong đó nộp trực tuyến trên hệ thống 3, qua Cổng Dịch vụ công quốc gia 1, trực tiếp 1 (tỷ lệ trực tuyến 80 %)',
    );
    expect(flat).toMatch(/Trung tâm Dịch vụ việc làm 5 80 % 0 – – – Biên Hòa/);
    expect(text).toContain('Nơi nhận');
    const fonts = execFileSync('pdffonts', [pdfPath], { encoding: 'utf8' });
    expect(fonts).not.toMatch(/Type 3|no\s+no\s+no/);
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', pdfPath, join(dir, 'page')]);

    const xlsx = await request(t.app.getHttpServer())
      .get(`/api/v1/indicator-reports/${month}/xlsx`)
      .set(auth(director))
      .buffer(true)
      .parse(binary)
      .expect(200);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Excel = require('exceljs');
    const book = new Excel.Workbook();
    await book.xlsx.load(xlsx.body);
    const sheet = book.getWorksheet('Chỉ số');
    expect(sheet.getRow(3).getCell(5).value).toBe('Hồ sơ tiếp nhận');
    expect(sheet.getRow(4).getCell(2).value).toBe('Toàn tỉnh');
    expect(sheet.getRow(4).getCell(5).value).toBe(5);
    expect(sheet.getRow(4).getCell(9).value).toBe(0.8);
    expect(sheet.getRow(5).getCell(4).value).toBe('Trung tâm Dịch vụ việc làm Biên Hòa');

    const head = await staffBearer(t, 'bc.head', 'center_head', 'BC-A');
    await request(t.app.getHttpServer()).get('/api/v1/indicator-reports').set(auth(head)).expect(403);
    await request(t.app.getHttpServer()).get('/api/v1/indicator-reports/2020-01/pdf').set(auth(director)).expect(404);
    const current = await request(t.app.getHttpServer())
      .post(`/api/v1/indicator-reports/${today.slice(0, 7)}`)
      .set(auth(director))
      .expect(400);
    expect(current.body.errors[0]).toMatchObject({ field: 'month' });
  });
});
