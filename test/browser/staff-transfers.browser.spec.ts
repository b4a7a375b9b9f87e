/// <reference lib="dom" />
import request from 'supertest';
import { findFreePort } from '../../src/platform/embedded/free-port';
import { auth } from '../support/tokens';
import { beneficiary, startProvince } from '../support/two-provinces';
import {
  launchBrowser,
  overflowsHorizontally,
  PHONE,
  screenshot,
  seriousA11yViolations,
  TestBrowser,
} from './support/browser';
import { loginAsStaff, publicUrl, sandboxStaff } from './support/flows';

/**
 * "Yêu cầu chuyển nơi hưởng" (/can-bo/chuyen-noi-huong): the paying center's head sees the citizens' requests to move
 * the benefit to another province (Luật Việc làm 2025 Điều 41 k.1), refuses one with a reason (the reason is
 * required: the field error comes from the API's problem+json) and approves the citizen's next request; each leaves the pending list
 * and its outcome is shown in place. The staff dossier page points to the page while a request waits.
 */
describe('the center decides transfer requests on its page', () => {
  let dn: Awaited<ReturnType<typeof startProvince>>;
  let browser: TestBrowser;

  beforeAll(async () => {
    // No receiving instance runs: the approved package stays waiting for delivery, which is what the page shows.
    dn = await startProvince('075', await findFreePort(), { '079': await findFreePort() });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await dn?.close();
  });

  async function requestTransfer(reason: string) {
    const { token, id } = await beneficiary(dn.t);
    await request(dn.t.baseUrl)
      .post(`/api/v1/dossiers/${id}/transfer`)
      .set(auth(token))
      .send({ toProvince: '079', reason, newAddress: '12 Nguyễn Huệ, phường Sài Gòn, TP. Hồ Chí Minh' })
      .expect(201);
    const code = (await request(dn.t.baseUrl).get(`/api/v1/dossiers/${id}`).set(auth(token)).expect(200)).body.code;
    return { id, token, code: code as string };
  }

  it('refuses a request with a reason, then approves the next one, on a phone', async () => {
    const first = await requestTransfer('Chuyển về sống cùng gia đình');
    const staff = await sandboxStaff(dn.t);
    const head = staff.find((s) => s.role === 'center_head' && s.centerCode === 'DNA-BH')!;
    const receiver = staff.find((s) => s.role === 'receiver' && s.centerCode === 'DNA-BH')!;
    const base = publicUrl(dn.t);

    // A receiver sees no link to the page.
    const { page: other } = await browser.newPage(PHONE);
    await loginAsStaff(other, base, receiver);
    expect(await other.getByRole('link', { name: 'Chuyển nơi hưởng' }).count()).toBe(0);
    await other.close();

    const { page, errors } = await browser.newPage(PHONE);
    await loginAsStaff(page, base, head);
    // The dossier page tells the head a request waits, and links to the page.
    await page.goto(`${base}/can-bo/ho-so/${first.id}`, { waitUntil: 'domcontentloaded' });
    const notice = page.locator('[data-testid="transfer-notice"]:not([hidden])');
    await notice.waitFor();
    await expect(notice.innerText()).resolves.toContain('TP. Hồ Chí Minh');
    await notice.getByRole('link').click();
    await page.waitForURL(/\/can-bo\/chuyen-noi-huong$/);

    const item = page.locator('[data-testid="transfer-request"]', { hasText: first.code });
    await item.waitFor();
    await expect(item.innerText()).resolves.toContain('Chuyển về sống cùng gia đình');
    await expect(item.innerText()).resolves.toContain('12 Nguyễn Huệ, phường Sài Gòn, TP. Hồ Chí Minh');
    await expect(item.getByRole('link', { name: first.code }).getAttribute('href')).resolves.toBe(
      `/can-bo/ho-so/${first.id}`,
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'staff-transfers-360');

    // Refusing without a reason: the API's field error, next to the field; the request stays.
    await item.getByRole('button', { name: 'Từ chối' }).click();
    const reason = item.getByLabel('Lý do từ chối (gửi cho công dân)');
    const fieldError = item.locator('.field-error');
    await fieldError.waitFor();
    await expect(fieldError.innerText()).resolves.toBe('Lý do từ chối cần ít nhất 5 ký tự.');
    await expect(reason.getAttribute('aria-invalid')).resolves.toBe('true');
    await reason.fill('Chưa có xác nhận nơi cư trú mới.');
    await item.getByRole('button', { name: 'Từ chối' }).click();
    const refused = page.locator('[data-testid="transfer-decided"][data-status="refused"]');
    await refused.waitFor();
    await expect(refused.innerText()).resolves.toContain(
      'Đã từ chối. Lý do gửi công dân: Chưa có xác nhận nơi cư trú mới.',
    );
    expect(await page.locator('[data-testid="transfer-request"]').count()).toBe(0);
    await expect(page.locator('#status').innerText()).resolves.toContain('Đã từ chối');
    await expect(page.locator('#pending-empty').isVisible()).resolves.toBe(true);
    const after = await request(dn.t.baseUrl).get(`/api/v1/dossiers/${first.id}/transfer`).set(auth(first.token));
    expect(after.body).toMatchObject({ status: 'refused', refusalReason: 'Chưa có xác nhận nơi cư trú mới.' });

    // The citizen asks again; the head approves: the page reads "sending" and the request is gone.
    await request(dn.t.baseUrl)
      .post(`/api/v1/dossiers/${first.id}/transfer`)
      .set(auth(first.token))
      .send({ toProvince: '079', reason: 'Chuyển về sống cùng gia đình', newAddress: '12 Nguyễn Huệ, TP. Hồ Chí Minh' })
      .expect(201);
    await page.reload({ waitUntil: 'domcontentloaded' });
    const again = page.locator('[data-testid="transfer-request"]', { hasText: first.code });
    await again.waitFor();
    await again.getByRole('button', { name: 'Đồng ý chuyển' }).click();
    const approved = page.locator('[data-testid="transfer-decided"][data-status="approved"]');
    await approved.waitFor();
    await expect(approved.innerText()).resolves.toContain(
      'Đã đồng ý chuyển. Hồ sơ và quyết định hưởng đang được gửi đến TP. Hồ Chí Minh.',
    );
    expect(await page.locator('[data-testid="transfer-request"]').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await overflowsHorizontally(page)).toBe(false);

    // After a reload the list is still empty (decided on the server, not only on the page).
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.locator('#pending-empty:not([hidden])').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
