/// <reference lib="dom" />
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
import { loginOnSandboxEid, publicUrl, SandboxResident, sandboxResidents } from './support/flows';

/**
 * Citizen pages against the real server and the real APIs (no fakes in the browser): the login prompt on a real
 * 401, the application form's handling of the API's own 400, the calculator, "Hồ sơ của tôi" and the data-access log.
 * The browser profile keeps its cookies across tests: the logged-out test runs first.
 */
describe('citizen pages against the real API', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let base: string;
  let resident: SandboxResident;
  let filedCode = '';

  beforeAll(async () => {
    app = await startTestApp();
    base = publicUrl(app);
    browser = await launchBrowser();
    resident = (await sandboxResidents(app)).filter((r) => r.scenario === 'eligible')[1];
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('apply without a session: the real 401 shows the VNeID login, which comes back to the form', async () => {
    const { page, errors } = await browser.newPage(PHONE);
    await page.goto(`${base}/ho-so/nop`, { waitUntil: 'domcontentloaded' });
    await page.locator('#login-required:not([hidden])').waitFor();
    expect(await page.getAttribute('#login-link', 'href')).toBe('/auth/eid/login?returnTo=%2Fho-so%2Fnop');
    expect(await page.locator('#apply').isHidden()).toBe(true);
    await page.click('#login-link');
    await loginOnSandboxEid(page, resident.personalId, /\/ho-so\/nop$/);
    await page.locator('#apply').waitFor();
    await expect(page.locator('#identity').innerText()).resolves.toContain(resident.fullName);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("apply: the API's 400 lands next to the field in Vietnamese, keeps what was typed; the corrected form files once", async () => {
    const { page, errors } = await browser.newPage(DESKTOP);
    const filings: { headers: Record<string, string>; body: any }[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/me/draft/submit')
        filings.push({ headers: r.headers(), body: r.postDataJSON() });
    });
    await page.goto(`${base}/ho-so/nop`, { waitUntil: 'domcontentloaded' });
    await page.locator('#apply').waitFor();
    // Centers come from GET /api/v1/centers.
    const centers = await (await fetch(`${app.baseUrl}/api/v1/centers`)).json();
    expect(await page.locator('#centerCode option[value]:not([value=""])').count()).toBe(centers.length);
    // The center serving the citizen's commune (current address) is chosen and named, with where to go.
    const profile = await page.evaluate(() => fetch('/api/v1/me/profile').then((r) => r.json()));
    const serving = centers.find((c: { communes: string[] }) =>
      c.communes.includes(profile.currentAddress.communeCode),
    );
    expect(serving).toBeDefined();
    expect(await page.inputValue('#centerCode')).toBe(serving.code);
    await expect(page.locator('#center-hint').innerText()).resolves.toContain(
      `${serving.name} phục vụ ${profile.currentAddress.communeName}, nơi bạn ở: ${serving.address}`,
    );

    const [year, month, day] = resident.suggestedTerminationDate.split('-');
    await page.fill('#terminationDate-day', day);
    await page.fill('#terminationDate-month', month);
    await page.fill('#terminationDate-year', year);
    await page.selectOption('#terminationReason', resident.suggestedTerminationReason);
    await page.selectOption('#contractType', resident.suggestedContractType);
    await page.fill('#lastEmployer-address', 'KCN Biên Hòa 2, phường Long Bình, tỉnh Đồng Nai');
    await page.selectOption('#centerCode', 'DNA-BH');
    await page.selectOption('#payment-bankCode', 'VCB');
    await page.fill('#payment-accountNumber', '12345');
    await page.fill('#phone', '0912345678');
    await page.getByRole('button', { name: 'Tiếp tục: giấy tờ' }).click();

    // The upload's own 400 (content sniffed by the API) lands on the file field, before anything is filed.
    await page.setInputFiles('#file', {
      name: 'gia-mao.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('not a pdf'),
    });
    await page.getByRole('button', { name: 'Tải lên' }).click();
    await page.locator('#file-error').waitFor();
    await expect(page.locator('#file-error').innerText()).resolves.toContain('Chỉ nhận tệp PDF, JPEG hoặc PNG');
    await page.setInputFiles('#file', {
      name: 'thoi-viec.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
    });
    await page.getByRole('button', { name: 'Tải lên' }).click();
    await page.locator('#uploaded li', { hasText: 'chứng minh chấm dứt' }).waitFor();
    await page.getByRole('button', { name: 'Tiếp tục: kiểm tra lại' }).click();
    await page.getByRole('button', { name: 'Tiếp tục: cam đoan và nộp' }).click();
    await page.check('#declarationAccepted');
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();

    // The message is the API's (ApplicationDto: accountNumber 6–20 digits), shown where the person typed it.
    const field = page.locator('#payment-accountNumber');
    await page.locator('#payment-accountNumber-error').waitFor();
    await expect(page.locator('#payment-accountNumber-error').innerText()).resolves.toBe(
      'Số tài khoản gồm 6 đến 20 chữ số.',
    );
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.getAttribute('aria-describedby')).toBe('payment-accountNumber-hint payment-accountNumber-error');
    expect(await field.inputValue()).toBe('12345');
    expect(await page.inputValue('#lastEmployer-address')).toBe('KCN Biên Hòa 2, phường Long Bình, tỉnh Đồng Nai');
    await expect(page.locator('#error-summary').innerText()).resolves.toContain(
      'Số tài khoản: Số tài khoản gồm 6 đến 20 chữ số.',
    );
    expect(filings).toHaveLength(1);
    expect(filings[0].headers['idempotency-key']).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'apply-server-errors-1280');

    await page.fill('#payment-accountNumber', '0123 456 789');
    await page.getByRole('button', { name: 'Tiếp tục: giấy tờ' }).click();
    await page.getByRole('button', { name: 'Tiếp tục: kiểm tra lại' }).click();
    await page.getByRole('button', { name: 'Tiếp tục: cam đoan và nộp' }).click();
    expect(await page.isChecked('#declarationAccepted')).toBe(true);
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.locator('#stage-done:not([hidden])').waitFor();
    expect(filings).toHaveLength(2);
    expect(filings[1].body.payment).toEqual({
      method: 'bank',
      bankCode: 'VCB',
      accountNumber: '0123456789',
      accountHolder: resident.fullName,
    });
    expect(filings[1].headers['idempotency-key']).not.toBe(filings[0].headers['idempotency-key']);
    filedCode = (await page.locator('[data-testid="dossier-code"]').innerText()).trim();
    expect(filedCode).toMatch(/^DNA-BH-\d{8}-\d{5}$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('my dossiers and the data-access log show the real records', async () => {
    const { page, errors } = await browser.newPage(DESKTOP);
    await page.goto(`${base}/ho-so`, { waitUntil: 'domcontentloaded' });
    const row = page.locator('#dossiers tr', { hasText: filedCode });
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(
      /Mới nộp, chờ tiếp nhận[\s\S]*Trung tâm Dịch vụ việc làm Đồng Nai – Biên Hòa/,
    );
    await screenshot(page, 'my-dossiers-1280');

    await page.goto(`${base}/ho-so/truy-cap-du-lieu`, { waitUntil: 'domcontentloaded' });
    await page.locator('#log:not([hidden])').waitFor();
    const log = await page.locator('#log-rows').innerText();
    expect(log).toContain('Chính công dân');
    expect(log).toMatch(/dân cư/i);
    expect(await page.locator('#log-rows tr').count()).toBeGreaterThan(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.setViewportSize(PHONE);
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'data-access-360');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('calculator: the real assessment API answers the form', async () => {
    const { page, errors } = await browser.newPage(DESKTOP);
    await page.goto(`${base}/tinh-tro-cap`, { waitUntil: 'domcontentloaded' });
    await page.fill('#terminationDate', '2026-01-15');
    await page.fill('#filingDate', '2026-02-02');
    await page.selectOption('#terminationReason', 'contract_expired');
    await page.selectOption('#contractType', 'fixed_term');
    await page.fill('#salary', '9.000.000');
    await page.fill('#months', '50');
    await page.getByRole('button', { name: 'Tính thử' }).click();
    await page.locator('[data-testid="monthly-benefit"]').waitFor();
    await expect(page.locator('[data-testid="monthly-benefit"]').innerText()).resolves.toBe('5.400.000 đồng');
    await screenshot(page, 'calculator-result-1280');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('calculator: dates resting on a calendar year not announced yet are marked "(dự kiến)"', async () => {
    const { page, errors } = await browser.newPage(DESKTOP);
    await page.goto(`${base}/tinh-tro-cap`, { waitUntil: 'domcontentloaded' });
    // Filed 21/12/2026: the 11th working day falls in January 2027, a projected year; the deadline 20/02/2027 too.
    await page.fill('#terminationDate', '2026-11-20');
    await page.fill('#filingDate', '2026-12-21');
    await page.selectOption('#terminationReason', 'contract_expired');
    await page.selectOption('#contractType', 'fixed_term');
    await page.fill('#salary', '9.000.000');
    await page.fill('#months', '30');
    await page.getByRole('button', { name: 'Tính thử' }).click();
    await page.locator('[data-testid="projected-calendar"]').waitFor();
    await expect(page.locator('[data-testid="projected-calendar"]').innerText()).resolves.toContain('2027');
    await expect(page.locator('.assessment dl').innerText()).resolves.toMatch(
      /Hạn nộp hồ sơ\s+\d{2}\/\d{2}\/2027 \(dự kiến\)/,
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});
