/// <reference lib="dom" />
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { startTestApp, TestApp } from '../support/test-app';
import {
  DESKTOP,
  launchBrowser,
  overflowsHorizontally,
  PHONE,
  screenshot,
  seriousA11yViolations,
  TestBrowser,
} from './support/browser';
import { loginAsStaff, loginOnSandboxEid, publicUrl, sandboxResidents, sandboxStaff } from './support/flows';

/** The public indicators page /chi-so: server-rendered charts and tables, accessible, readable on a phone. */
describe('indicators page /chi-so in Chromium', () => {
  let app: TestApp;
  let browser: TestBrowser;
  const month = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);

  beforeAll(async () => {
    app = await startTestApp();
    const db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    try {
      await db.query(
        `INSERT INTO service_center (code, name, province_name) VALUES ('UI-KPI', 'Trung tâm Biên Hòa (thử)', 'Tỉnh Đồng Nai')`,
      );
      for (const [i, channel] of ['online', 'portal', 'counter', 'online'].entries())
        await db.query(
          `INSERT INTO dossier (id, code, personal_id, center_code, channel, status, full_name, search_name, applicant,
             application, assessment, termination_date, filed_at, sort_date)
           VALUES ($1, $2, $3, 'UI-KPI', $4, 'SUBMITTED', 'A', 'a', '{}', '{}', '{}', '2026-01-05', now(), current_date)`,
          [randomUUID(), `UI-${i}`, `07519000990${i}`, channel],
        );
    } finally {
      await db.end();
    }
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows the month in Vietnamese with SVG charts described for screen readers, axe clean at 1280 and 360 px', async () => {
    for (const [label, viewport] of [
      ['1280', DESKTOP],
      ['360', PHONE],
    ] as const) {
      const { page, errors } = await browser.newPage(viewport);
      const response = await page.goto(`${app.baseUrl}/chi-so`, { waitUntil: 'networkidle' });
      expect(response?.status()).toBe(200);
      expect(await page.getAttribute('html', 'lang')).toBe('vi');
      expect(await page.locator('h1').textContent()).toContain('Chỉ số phục vụ người dân');
      const online = page.locator('[data-testid="province-indicators"] tr', { hasText: 'nộp trực tuyến' });
      await expect(online.textContent()).resolves.toContain('75 %');
      expect(await page.locator('svg[role="img"]').count()).toBe(4);
      expect(await page.locator('svg[role="img"] title').first().textContent()).toContain('đúng hạn');
      expect(await page.locator('caption', { hasText: 'Trung tâm Biên Hòa (thử)' }).count()).toBe(1);
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(await overflowsHorizontally(page)).toBe(false);
      await screenshot(page, `indicators-${label}`);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('links the open data of the month shown, and a bad month is an HTML error page, not JSON', async () => {
    const { page } = await browser.newPage(DESKTOP);
    await page.goto(`${app.baseUrl}/chi-so?thang=${month}`, { waitUntil: 'networkidle' });
    expect(await page.locator('a', { hasText: 'CSV' }).getAttribute('href')).toBe(
      `/api/v1/public/kpi?month=${month}&format=csv`,
    );
    const bad = await page.goto(`${app.baseUrl}/chi-so?thang=2999-01`);
    expect(bad?.status()).toBe(400);
    expect(bad?.headers()['content-type']).toMatch(/^text\/html/);
    expect(await page.locator('body').textContent()).toContain('Dữ liệu không hợp lệ');
    await page.close();
  });

  it('shows the administrator the integration health of each national system with charts, axe clean', async () => {
    const db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    try {
      for (let i = 0; i < 10; i++)
        await db.query(
          `INSERT INTO integration_call (system, operation, occurred_at, duration_ms, ok, error)
           VALUES ('portal', 'send', now(), 120, $1, $2)`,
          [i > 2, i > 2 ? null : 'HTTP 503: Service Unavailable'],
        );
    } finally {
      await db.end();
    }
    const admin = (await sandboxStaff(app)).find((s) => s.role === 'admin')!;
    const { page, errors } = await browser.newPage(DESKTOP);
    const base = publicUrl(app);
    await loginAsStaff(page, base, admin);
    await page.goto(`${base}/quan-tri/ket-noi`, { waitUntil: 'networkidle' });
    const portal = page.locator('section[data-system="portal"]');
    await portal.waitFor();
    expect(await page.locator('section[data-system]').count()).toBe(5);
    expect(await portal.locator('h2').textContent()).toBe('Cổng Dịch vụ công quốc gia');
    expect(await portal.locator('dd').nth(2).textContent()).toContain('HTTP 503');
    expect(await portal.locator('tbody tr').first().textContent()).toContain('70 %');
    expect(await portal.locator('svg[role="img"] rect.chart-bar-bad').count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'integration-health-1280');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets the citizen rate the service on the dossier page once the result is returned, then thanks instead', async () => {
    const resident = (await sandboxResidents(app)).find((r) => r.scenario === 'eligible')!;
    const id = randomUUID();
    const db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    try {
      await db.query(
        `INSERT INTO dossier (id, code, personal_id, center_code, channel, status, full_name, search_name, applicant,
           application, assessment, termination_date, filed_at, sort_date)
         VALUES ($1, 'UI-RATE-1', $2, 'UI-KPI', 'online', 'RESULT_RETURNED', $3, 'x', '{}', '{}', '{}', '2026-01-05', now(), current_date)`,
        [id, resident.personalId, resident.fullName],
      );
    } finally {
      await db.end();
    }
    const base = publicUrl(app);
    const { page, errors } = await browser.newPage(DESKTOP);
    await page.context().clearCookies();
    await page.goto(`${base}/ho-so/${id}`, { waitUntil: 'domcontentloaded' });
    await page.locator('#login-required:not([hidden])').waitFor();
    await page.click('#login-link');
    await loginOnSandboxEid(page, resident.personalId, new RegExp(`/ho-so/${id}$`));
    const section = page.locator('#satisfaction:not([hidden])');
    await section.waitFor();
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await expect(page.locator('#satisfaction-error').textContent()).resolves.toContain('chọn một mức');
    await page.getByLabel('4 – Hài lòng').check();
    await page.fill('#satisfaction-comment', 'Thủ tục nhanh, rõ ràng.');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.locator('#satisfaction-done', { hasText: 'Cảm ơn' }).waitFor();
    expect(await page.locator('#satisfaction-done').textContent()).toBe('Cảm ơn bạn đã đánh giá: 4/5.');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.reload({ waitUntil: 'networkidle' });
    await page.locator('#satisfaction-done:not([hidden])').waitFor();
    expect(await page.locator('#satisfaction-form').isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
