/// <reference lib="dom" />
import { Page } from 'playwright-core';
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

/** Pages that work with what is merged today: landing, calculator form, verify, staff login. */
describe('public pages in Chromium', () => {
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

  async function open(path: string, viewport = DESKTOP) {
    const tracked = await browser.newPage(viewport);
    await tracked.page.goto(app.baseUrl + path, { waitUntil: 'networkidle' });
    return tracked;
  }

  const MAIN_PAGES: [string, string][] = [
    ['landing', '/'],
    ['calculator', '/tinh-tro-cap'],
    ['staff-login', '/can-bo/dang-nhap'],
    ['verify-unknown', '/verify/KHONG-CO-MA-NAY'],
  ];

  it.each(MAIN_PAGES)(
    '%s: Vietnamese, no serious accessibility violation, no script error, screenshots at 1280 and 360 px',
    async (name, path) => {
      for (const [label, viewport] of [
        ['1280', DESKTOP],
        ['360', PHONE],
      ] as const) {
        const { page, errors } = await open(path, viewport);
        expect(await page.getAttribute('html', 'lang')).toBe('vi');
        expect(await page.locator('h1').count()).toBe(1);
        expect(await seriousA11yViolations(page)).toEqual([]);
        expect(await overflowsHorizontally(page)).toBe(false);
        await screenshot(page, `${name}-${label}`);
        expect(errors).toEqual([]);
        await page.close();
      }
    },
  );

  it('landing explains the service and logs in with VNeID', async () => {
    const { page } = await open('/');
    await expect(text(page, 'h1')).resolves.toBe('Giải quyết hưởng trợ cấp thất nghiệp');
    await expect(text(page, 'main')).resolves.toMatch(
      /Ai được hưởng\?[\s\S]*Bạn cần chuẩn bị[\s\S]*Các bước thực hiện/,
    );
    const login = page.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).first();
    expect(await login.getAttribute('href')).toMatch(/^\/auth\/eid\/login/);
    const csp = (await page.request.get(app.baseUrl + '/')).headers()['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(await page.locator('script:not([src])').count()).toBe(0);
    await page.close();
  });

  it('keyboard: the first Tab reaches the skip link, which moves focus to the main content', async () => {
    const { page } = await open('/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Bỏ qua, đến nội dung chính');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // Onwards from main, Tab reaches the primary call to action before the footer.
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''));
    }
    expect(order).toEqual(['Đăng nhập bằng VNeID', 'Tính thử mức hưởng', 'Xem hồ sơ của tôi']);
    await page.close();
  });

  it('keyboard: every navigation link is reachable with Tab and shows a visible focus ring', async () => {
    const { page } = await open('/');
    const seen = new Set<string>();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return { text: el.textContent?.trim() ?? '', outline: getComputedStyle(el).outlineStyle };
      });
      seen.add(info.text);
      if (info.text === 'Dữ liệu của tôi') expect(info.outline).toBe('solid');
    }
    for (const link of ['Trang chủ', 'Tính thử trợ cấp', 'Nộp hồ sơ', 'Hồ sơ của tôi', 'Dữ liệu của tôi'])
      expect(seen).toContain(link);
    await page.close();
  });

  it('calculator: empty form shows Vietnamese errors next to each field, linked and announced, without calling the API', async () => {
    const { page } = await open('/tinh-tro-cap');
    const calls: string[] = [];
    page.on('request', (r) => r.url().includes('/api/') && calls.push(r.url()));
    await page.fill('#salary', 'tám triệu');
    await page.fill('#months', '0');
    await page.getByRole('button', { name: 'Tính thử' }).click();

    const summary = page.locator('#error-summary');
    await summary.waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('error-summary');
    for (const [field, message] of [
      ['terminationDate', 'Vui lòng nhập ngày chấm dứt hợp đồng.'],
      ['terminationReason', 'Vui lòng chọn lý do chấm dứt.'],
      ['contractType', 'Vui lòng chọn loại hợp đồng.'],
      ['salary', 'Tiền lương phải là số nguyên dương, tính bằng đồng.'],
      ['months', 'Số tháng đóng phải là số nguyên từ 1 đến 600.'],
    ]) {
      const input = page.locator(`#${field}`);
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
      expect(describedBy.split(' ')).toContain(`${field}-error`);
      await expect(text(page, `#${field}-error`)).resolves.toBe(message);
    }
    // The salary hint stays described, and what was typed is kept.
    expect(await page.getAttribute('#salary', 'aria-describedby')).toBe('salary-hint salary-error');
    expect(await page.inputValue('#salary')).toBe('tám triệu');
    // A summary link takes the keyboard user to the field.
    await page.locator('#error-summary a[href="#salary"]').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('salary');
    expect(calls).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'calculator-errors-1280');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'calculator-errors-360');
    await page.close();
  });

  it('calculator: fixing a field clears its error on the next submit', async () => {
    const { page } = await open('/tinh-tro-cap');
    await page.getByRole('button', { name: 'Tính thử' }).click();
    await page.locator('#terminationDate-error').waitFor();
    await page.fill('#terminationDate', '2026-01-15');
    await page.getByRole('button', { name: 'Tính thử' }).click();
    expect(await page.locator('#terminationDate-error').count()).toBe(0);
    expect(await page.getAttribute('#terminationDate', 'aria-invalid')).toBeNull();
    expect(await page.locator('#contractType-error').count()).toBe(1);
    await page.close();
  });

  it('verify: an unknown code says no document was found', async () => {
    const { page } = await open('/verify/KHONG-CO-MA-NAY');
    await page.locator('#verify-result h2').waitFor();
    await expect(text(page, '#verify-result h2')).resolves.toBe('Không tìm thấy văn bản');
    // The code as the entry form holds it: capitals, without the separators people type.
    expect(await page.inputValue('#verify-code-input')).toBe('KHONGCOMANAY');
    await page.close();
  });

  it('verify: a code with markup is shown as text, never as HTML', async () => {
    const { page, errors } = await open(`/verify/${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    await page.locator('#verify-result h2').waitFor();
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.inputValue('#verify-code-input')).toBe('<IMGSRC=XONERROR=ALERT(1)>');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('staff login: empty fields are flagged before any request; sandbox accounts are listed', async () => {
    const { page } = await open('/can-bo/dang-nhap');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(text(page, '#username-error')).resolves.toBe('Vui lòng nhập tên đăng nhập.');
    await expect(text(page, '#password-error')).resolves.toBe('Vui lòng nhập mật khẩu.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('username');
    await page.locator('summary', { hasText: 'Tài khoản thử nghiệm' }).click();
    await page.locator('#sandbox-staff table').waitFor();
    expect(await page.locator('#sandbox-staff tbody tr').count()).toBeGreaterThan(3);
    await page.close();
  });

  it('staff pages without a token send the officer to the login page and back', async () => {
    const { page } = await open('/can-bo?status=SUBMITTED');
    await page.waitForURL(/\/can-bo\/dang-nhap\?returnTo=/);
    expect(new URL(page.url()).searchParams.get('returnTo')).toBe('/can-bo?status=SUBMITTED');
    await page.close();
  });

  it('assets are served with a content type and revalidation; unknown assets are 404', async () => {
    const css = await fetch(app.baseUrl + '/assets/css/site.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const etag = css.headers.get('etag')!;
    expect((await fetch(app.baseUrl + '/assets/css/site.css', { headers: { 'if-none-match': etag } })).status).toBe(
      304,
    );
    expect((await fetch(app.baseUrl + '/assets/js/pages/nope.js')).status).toBe(404);
    expect((await fetch(app.baseUrl + '/assets/%2e%2e/%2e%2e/package.json')).status).toBe(404);
  });
});

function text(page: Page, selector: string): Promise<string> {
  return page
    .locator(selector)
    .first()
    .innerText()
    .then((t) => t.trim());
}
