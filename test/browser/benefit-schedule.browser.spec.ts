/// <reference lib="dom" />
import { join } from 'node:path';
import request from 'supertest';
import { attachTerminationProof } from '../support/attachments';
import { applicationFor, residents } from '../support/dossier-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { auth, citizenBearer, staffBearer } from '../support/tokens';
import {
  launchBrowser,
  overflowsHorizontally,
  screenshot,
  SCREENSHOT_DIR,
  seriousA11yViolations,
  TestBrowser,
} from './support/browser';
import { loginOnSandboxEid, publicUrl } from './support/flows';

const WIDE = { width: 1280, height: 800 };
const NARROW = { width: 390, height: 844 };

/**
 * The citizen's benefit schedule on the dossier page (issue #18): months with their notice windows and states, the
 * open window with its countdown counted from the service's day (moved with the sandbox clock), what a missed window
 * means, and the monthly notice form showing the API's own 422 reason and then the receipt.
 */
describe('the citizen benefit schedule', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let base: string;
  let id = '';
  let months: { month: number; from: string; to: string; noticeWindow: { from: string; to: string } }[] = [];
  const citizen = residents('eligible')[2];

  beforeAll(async () => {
    app = await startTestApp();
    base = publicUrl(app);
    const api = () => request(app.baseUrl);
    const token = await citizenBearer(app, citizen.personalId);
    id = (await api().post('/api/v1/dossiers').set(auth(token)).send(applicationFor(citizen)).expect(201)).body.id;
    await attachTerminationProof(app.baseUrl, id, token);
    let version = 1;
    for (const [role, center, body] of [
      ['receiver', 'DNA-BH', { action: 'receive' }],
      ['reviewer', 'DNA-BH', { action: 'start_review' }],
      ['reviewer', 'DNA-BH', { action: 'complete_review', recommendation: 'approve' }],
      ['center_head', 'DNA-BH', { action: 'propose' }],
      ['director', '', { action: 'approve' }],
      ['receiver', 'DNA-BH', { action: 'return_result' }],
    ] as const) {
      const staff = await staffBearer(app, `${role}.test`, role, center || null);
      version = (
        await api()
          .post(`/api/v1/staff/dossiers/${id}/actions`)
          .set(auth(staff))
          .send({ ...body, expectedVersion: version })
          .expect(200)
      ).body.version;
    }
    months = (await api().get(`/api/v1/dossiers/${id}/benefit`).set(auth(token)).expect(200)).body.months;
    // The sandbox clock opens month 2's notice window (month 1's has closed without a notice).
    await api().put('/sandbox/clock').send({ today: months[1].noticeWindow.from }).expect(200);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await request(app.baseUrl).delete('/sandbox/clock');
    await browser?.close();
    await app?.close();
  });

  it('shows the months, the open window with its countdown, refuses a notice outside its window, then gives the receipt', async () => {
    const { page, errors } = await browser.newPage(WIDE);
    await page.goto(`${base}/ho-so/${id}`, { waitUntil: 'domcontentloaded' });
    await page.locator('#login-required:not([hidden]) #login-link').click();
    await loginOnSandboxEid(page, citizen.personalId, new RegExp(`/ho-so/${id}$`));
    await page.locator('#benefit:not([hidden]) [data-testid="benefit-months"]').waitFor();

    const rows = page.locator('[data-testid="benefit-months"] tbody tr');
    expect(await rows.count()).toBe(months.length);
    await expect(page.locator('tr[data-month="1"]').getAttribute('data-state')).resolves.toBe('missed');
    await expect(page.locator('tr[data-month="2"]').getAttribute('data-state')).resolves.toBe('open');
    const [y, m, d] = months[1].noticeWindow.to.split('-');
    await expect(page.locator('tr[data-month="2"]').innerText()).resolves.toContain(`${d}/${m}/${y}`);
    // Three working days from the window's first day: counted inclusively from the service's (moved) day.
    const left =
      Math.round((Date.parse(months[1].noticeWindow.to) - Date.parse(months[1].noticeWindow.from)) / 86_400_000) + 1;
    await expect(page.locator('[data-testid="benefit-countdown"]').innerText()).resolves.toBe(
      `Đang trong hạn: bạn còn ${left} ngày (đến hết ngày ${d}/${m}/${y}) để thông báo tìm kiếm việc làm của tháng hưởng thứ 2.`,
    );
    await expect(page.locator('[data-testid="benefit-missed-rule"]').innerText()).resolves.toContain('tạm dừng hưởng');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'benefit-schedule-1280');
    await page.locator('#benefit').screenshot({ path: join(SCREENSHOT_DIR, 'benefit-schedule-section-1280.png') });

    // Month 3 is not open yet: the API's 422 reason lands next to the month.
    await page.selectOption('#notice-month', '3');
    await page.fill('#notice-employer', 'Công ty TNHH Minh Phát');
    await page.fill('#notice-position', 'Nhân viên kho');
    // The contact date is typed day / month / year; a day that does not exist is refused on the page.
    const [cy, cm, cd] = months[1].noticeWindow.from.split('-');
    await page.fill('#notice-contactedOn-day', '31');
    await page.fill('#notice-contactedOn-month', '02');
    await page.fill('#notice-contactedOn-year', cy);
    await page.getByRole('button', { name: 'Gửi thông báo' }).click();
    await expect(page.locator('#notice-contactedOn-day-error').innerText()).resolves.toContain('ngày liên hệ có thật');
    await page.fill('#notice-contactedOn-day', cd);
    await page.fill('#notice-contactedOn-month', cm);
    await page.selectOption('#notice-outcome', 'interviewed');
    await page.getByRole('button', { name: 'Gửi thông báo' }).click();
    await page.locator('#notice-error:not([hidden])').waitFor();
    const reason = await page
      .locator('#notice-month')
      .evaluate((el) => document.getElementById(`${el.id}-error`)?.textContent ?? '');
    const vn = (iso: string) => iso.split('-').reverse().join('/');
    expect(reason).toBe(
      `Thông báo tháng hưởng thứ 3 chỉ được nhận từ ngày ${vn(months[2].noticeWindow.from)} đến ngày ${vn(months[2].noticeWindow.to)}.`,
    );
    await expect(page.locator('#notice-month').getAttribute('aria-invalid')).resolves.toBe('true');

    // Month 2, inside its window: the receipt number, and the month is notified.
    await page.selectOption('#notice-month', '2');
    await page.getByRole('button', { name: 'Gửi thông báo' }).click();
    const receipt = page.locator('[data-testid="notice-receipt"]');
    await receipt.waitFor();
    await expect(receipt.innerText()).resolves.toMatch(/Số tiếp nhận: \S+/);
    await expect(page.locator('tr[data-month="2"]').getAttribute('data-state')).resolves.toBe('notified');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reads on a phone (390 × 844) without horizontal scrolling of the page, axe clean', async () => {
    const { page, errors } = await browser.newPage(NARROW);
    await page.goto(`${base}/ho-so/${id}`, { waitUntil: 'domcontentloaded' });
    await page.locator('#benefit:not([hidden]) [data-testid="benefit-months"]').waitFor();
    await expect(page.locator('tr[data-month="2"]').getAttribute('data-state')).resolves.toBe('notified');
    await expect(page.locator('[data-testid="benefit-countdown"]').innerText()).resolves.toContain('tháng hưởng thứ 3');
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'benefit-schedule-390');
    await page.locator('#benefit').screenshot({ path: join(SCREENSHOT_DIR, 'benefit-schedule-section-390.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
