/// <reference lib="dom" />
import request from 'supertest';
import { applicationFor, residents } from '../support/dossier-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { auth, citizenBearer, staffBearer } from '../support/tokens';
import {
  DESKTOP,
  launchBrowser,
  PHONE,
  overflowsHorizontally,
  screenshot,
  seriousA11yViolations,
  TestBrowser,
} from './support/browser';
import { loginAsStaff, publicUrl, sandboxStaff } from './support/flows';
import { attachTerminationProof } from '../support/attachments';

/** Staff pages against the real server: queue from {items, nextCursor}, actions from allowedActions, a real 409. */
describe('staff pages against the real API', () => {
  let app: TestApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('queue lists the center’s dossiers; an action on a stale version gets the 409, reloads and shows the new actions', async () => {
    const api = () => request(app.baseUrl);
    const citizen = residents('eligible')[2];
    const token = await citizenBearer(app, citizen.personalId);
    const filed = (await api().post('/api/v1/dossiers').set(auth(token)).send(applicationFor(citizen)).expect(201))
      .body;
    await attachTerminationProof(app.baseUrl, filed.id, token);
    const receiver = (await sandboxStaff(app)).find((s) => s.role === 'receiver' && s.centerCode === 'DNA-BH')!;

    const { page, errors } = await browser.newPage(DESKTOP);
    const apiCalls: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/api/v1/staff/')) apiCalls.push(`${r.method()} ${url.pathname}`);
    });
    await loginAsStaff(page, publicUrl(app), receiver);
    const row = page.locator('#queue-rows tr', { hasText: filed.code });
    await row.waitFor();
    // The dashboard's every tile comes from one request (one SQL statement on the server), the list from another.
    await page.locator('[data-count="SUBMITTED"]', { hasText: '1' }).waitFor();
    expect(apiCalls.sort()).toEqual(['GET /api/v1/staff/dossiers/counts', 'POST /api/v1/staff/dossiers/search']);
    await expect(row.innerText()).resolves.toContain(citizen.fullName);
    expect(await page.evaluate(() => sessionStorage.getItem('tctn.staffToken'))).toContain('"token"');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'staff-queue-1280');
    await page.setViewportSize(PHONE);
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.setViewportSize(DESKTOP);

    await page.getByRole('link', { name: filed.code }).click();
    await page.locator('#detail').waitFor();
    expect(await page.locator('form[data-action="request_supplement"] textarea[name="items"]').count()).toBe(1);
    await expect(page.locator('#registry').innerText()).resolves.toMatch(/Mã số BHXH/);
    // Pension eligibility is a registry fact shown to staff (Luật Việc làm 74/2025 Điều 38 k.1 a).
    await expect(page.locator('#registry').innerText()).resolves.toMatch(
      /Điều kiện hưởng lương hưu\s+Chưa đủ điều kiện hưởng lương hưu, \d+ năm đóng bảo hiểm xã hội/,
    );
    await page.locator('form[data-action="request_supplement"] button').click();
    await page.locator('#request_supplement-items-error').waitFor();

    // Someone else receives it meanwhile: the page's version is stale.
    const other = await staffBearer(app, 'khac.bh', 'receiver', 'DNA-BH');
    await api()
      .post(`/api/v1/staff/dossiers/${filed.id}/actions`)
      .set(auth(other))
      .send({ action: 'receive', expectedVersion: filed.version })
      .expect(200);
    await page.locator('form[data-action="receive"] button').click();
    await page.locator('[data-testid="dossier-status"]', { hasText: 'Đã tiếp nhận' }).waitFor();
    await expect(page.locator('#error').innerText()).resolves.toContain('Đã tải lại hồ sơ');
    expect(await page.locator('#actions form').count()).toBe(0);
    await screenshot(page, 'staff-dossier-1280');
    expect(errors).toEqual([]);
    await page.close();
  });
});
