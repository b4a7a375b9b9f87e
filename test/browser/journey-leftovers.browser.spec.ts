/// <reference lib="dom" />
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { pdfText } from '../support/debian-tools';
import { CLOCK, Clock } from '../../src/platform/clock/clock';
import { applicationFor } from '../support/dossier-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { auth, citizenBearer, staffBearer } from '../support/tokens';
import { eventually } from '../support/after-decision';
import { launchBrowser, overflowsHorizontally, seriousA11yViolations, TestBrowser } from './support/browser';
import { loginOnSandboxEid, publicUrl, SandboxResident, sandboxResidents } from './support/flows';

const PHONE_390 = { width: 390, height: 844 };
const DESKTOP_1280 = { width: 1280, height: 800 };

/**
 * Issue #16 leftovers: (10) the footer names the help line when no center is known and the dossier's center on its
 * page; (11) a supplementation request records its last day (10 working days), shown to the citizen and printed on
 * the slip, which says "chưa tiếp nhận" for a dossier not received and carries the officer's note.
 */
describe('journey leftovers (issue #16: footer, supplementation deadline)', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let base: string;
  let residents: SandboxResident[];
  let clock: Clock;
  const realNow = () => new Date();
  const api = () => request(app.baseUrl);

  beforeAll(async () => {
    app = await startTestApp({
      HELP_LINE_NAME: 'Đường dây nóng Sở Nội vụ',
      HELP_LINE_PHONE: '0251 3822 222',
      HELP_LINE_HOURS: 'Thứ Hai đến Thứ Sáu, 7 giờ 30 đến 17 giờ',
    });
    base = publicUrl(app);
    browser = await launchBrowser();
    residents = await sandboxResidents(app);
    clock = app.app.get(CLOCK);
  });
  afterAll(async () => {
    clock.now = realNow;
    await browser?.close();
    await app?.close();
  });

  it('10: a logged-out page shows the configured help line in the footer', async () => {
    const { page, errors } = await browser.newPage(PHONE_390);
    await page.goto(`${base}/`, { waitUntil: 'domcontentloaded' });
    const footer = await page.locator('[data-testid="footer-contact"]').innerText();
    expect(footer).toContain('Sở Nội vụ tỉnh Đồng Nai');
    expect(footer).toContain('Đường dây nóng Sở Nội vụ');
    expect(footer).toContain('0251 3822 222');
    expect(await page.getAttribute('[data-testid="footer-contact"] a[href^="tel:"]', 'href')).toBe('tel:02513822222');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('10, 11: a request made before receipt: its last day on the page, the center in the footer, the slip says "chưa tiếp nhận" with the note', async () => {
    // Requested on Monday 02/11/2026 (Vietnam): 10 working days are 3–6, 9–13 and 16 November → 16/11/2026.
    const r = residents.filter((x) => x.scenario === 'eligible')[2];
    const token = await citizenBearer(app, r.personalId, r.fullName);
    await api()
      .post('/api/v1/me/draft/attachments')
      .set(auth(token))
      .field('kind', 'termination_proof')
      .attach('file', Buffer.from(`%PDF-1.4\n% ${r.personalId}\n%%EOF\n`), 'giay.pdf')
      .expect(201);
    const filed = (
      await api()
        .post('/api/v1/me/draft/submit')
        .set(auth(token))
        .send(applicationFor(r as never, 'DNA-BH'))
        .expect(201)
    ).body as { id: string; version: number };
    const receiver = await staffBearer(app, 'leftover.receiver', 'receiver', 'DNA-BH');
    clock.now = () => new Date('2026-11-02T03:00:00Z');
    const note = 'Bản chụp quyết định thôi việc bị mờ, vui lòng chụp lại rõ nét.';
    await api()
      .post(`/api/v1/staff/dossiers/${filed.id}/actions`)
      .set(auth(receiver))
      .send({ action: 'request_supplement', items: ['Quyết định thôi việc'], note, expectedVersion: filed.version })
      .expect(200);
    clock.now = realNow;

    const view = (await api().get(`/api/v1/dossiers/${filed.id}`).set(auth(token)).expect(200)).body;
    expect(view.supplementRequest).toMatchObject({ dueDate: '2026-11-16', note });

    const pdf = await eventually(async () => {
      const res = await api()
        .get(`/api/v1/dossiers/${filed.id}/documents/supplement-request/pdf`)
        .set(auth(token))
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      return res.status === 200 ? (res.body as Buffer) : undefined;
    }, 'the supplement-request slip');
    const path = join(mkdtempSync(join(tmpdir(), 'ycbs-')), 'ycbs.pdf');
    writeFileSync(path, pdf);
    const text = (await pdfText(path)).replace(/\s+/g, ' ');
    expect(text).toContain('chưa tiếp nhận');
    expect(text).not.toContain('đã tiếp nhận');
    expect(text).toContain(note);
    expect(text).toContain('16/11/2026');

    const { page, errors } = await browser.newPage(DESKTOP_1280);
    await page.context().clearCookies();
    await page.goto(`${base}/ho-so/${filed.id}`, { waitUntil: 'domcontentloaded' });
    await page.locator('#login-required:not([hidden])').waitFor();
    await page.click('#login-link');
    await loginOnSandboxEid(page, r.personalId, new RegExp(`/ho-so/${filed.id}$`));
    await page.locator('#supplement:not([hidden])').waitFor();
    await expect(page.locator('[data-testid="supplement-due"]').innerText()).resolves.toContain(
      'ngày 16 tháng 11 năm 2026',
    );
    const centers = (await api().get('/api/v1/centers').expect(200)).body as {
      code: string;
      name: string;
      phone: string;
    }[];
    const center = centers.find((c) => c.code === 'DNA-BH')!;
    await page.locator('[data-testid="footer-contact"]', { hasText: center.name }).waitFor();
    await expect(page.locator('[data-testid="footer-contact"]').innerText()).resolves.toContain(center.phone);
    for (const size of [DESKTOP_1280, PHONE_390]) {
      await page.setViewportSize(size);
      expect(await seriousA11yViolations(page)).toEqual([]);
    }
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });
});
