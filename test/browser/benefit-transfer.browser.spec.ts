/// <reference lib="dom" />
import request from 'supertest';
import { findFreePort } from '../../src/platform/embedded/free-port';
import { auth, staffBearer } from '../support/tokens';
import { beneficiary, startProvince } from '../support/two-provinces';
import {
  launchBrowser,
  overflowsHorizontally,
  screenshot,
  seriousA11yViolations,
  TestBrowser,
} from './support/browser';
import { loginOnSandboxEid, publicUrl } from './support/flows';

/**
 * "Chuyển nơi hưởng" on the citizen's dossier page (issue #20): the citizen picks the new province, gives the new
 * address and the reason; the page shows the request waiting for the center; after the center refuses, the page shows
 * the refusal and its reason and offers the form again.
 */
describe('the citizen asks to move the benefit', () => {
  let dn: Awaited<ReturnType<typeof startProvince>>;
  let browser: TestBrowser;

  beforeAll(async () => {
    // The receiving province need not run for the request and the center's decision.
    dn = await startProvince('075', await findFreePort(), { '079': await findFreePort() });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await dn?.close();
  });

  it('sends the request from the dossier page and shows the refusal with its reason', async () => {
    const { citizen, id } = await beneficiary(dn.t);
    const base = publicUrl(dn.t);
    const { page, errors } = await browser.newPage({ width: 390, height: 844 });
    await page.goto(`${base}/ho-so/${id}`, { waitUntil: 'domcontentloaded' });
    await page.locator('#login-required:not([hidden]) #login-link').click();
    await loginOnSandboxEid(page, citizen.personalId, new RegExp(`/ho-so/${id}$`));
    await page.locator('#transfer:not([hidden]) #transfer-form').waitFor();
    await expect(page.locator('#transfer-toProvince option').allInnerTexts()).resolves.toEqual(['TP. Hồ Chí Minh']);

    // Both fields are needed; the page says which.
    await page.getByRole('button', { name: 'Gửi yêu cầu chuyển nơi hưởng' }).click();
    await expect(page.locator('#transfer-newAddress-error').innerText()).resolves.toContain('địa chỉ nơi ở mới');
    await page.fill('#transfer-newAddress', '12 Nguyễn Huệ, phường Sài Gòn, TP. Hồ Chí Minh');
    await page.fill('#transfer-reason', 'Chuyển về sống cùng gia đình');
    await page.getByRole('button', { name: 'Gửi yêu cầu chuyển nơi hưởng' }).click();
    const status = page.locator('[data-testid="transfer-status"]');
    await status.waitFor();
    await expect(status.getAttribute('data-status')).resolves.toBe('requested');
    await expect(status.innerText()).resolves.toContain('Đang chờ trung tâm xem xét: TP. Hồ Chí Minh.');
    expect(await page.locator('#transfer-form').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'benefit-transfer-390');

    // The center refuses with a reason: the citizen reads it and may ask again.
    const head = await staffBearer(dn.t, 'center_head.test', 'center_head', 'DNA-BH');
    const [pending] = (await request(dn.t.baseUrl).get('/api/v1/staff/transfers').set(auth(head)).expect(200)).body;
    await request(dn.t.baseUrl)
      .post(`/api/v1/staff/transfers/${pending.id}/refuse`)
      .set(auth(head))
      .send({ reason: 'Chưa có xác nhận nơi cư trú mới.' })
      .expect(200);
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.locator('[data-testid="transfer-refusal"]').waitFor();
    await expect(page.locator('[data-testid="transfer-refusal"]').innerText()).resolves.toBe(
      'Lý do: Chưa có xác nhận nơi cư trú mới.',
    );
    await page.locator('#transfer-form').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
