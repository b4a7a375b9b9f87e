/// <reference lib="dom" />
import { Page } from 'playwright-core';
import request from 'supertest';
import { SANDBOX_STAFF } from '../../src/sandbox/sandbox-staff';
import { TestStaffIdp } from '../support/staff-idp';
import { authenticatorCode } from '../support/staff-login';
import { startTestApp, TestApp } from '../support/test-app';
import {
  DESKTOP,
  launchBrowser,
  PHONE,
  overflowsHorizontally,
  screenshot,
  seriousA11yViolations,
  TestBrowser,
} from './support/browser';
import { publicUrl, sandboxStaff } from './support/flows';

/**
 * Issue #23 item 7: the administrator's account pages in real Chromium against the real API, and the staff login's
 * extra steps (a new password at the first login, two-factor enrolment with the QR code, recovery codes).
 */
describe('administrator pages: staff accounts', () => {
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

  async function signIn(page: Page, username: string, password: string) {
    await page.goto(`${publicUrl(app)}/can-bo/dang-nhap`, { waitUntil: 'domcontentloaded' });
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
  }

  it('an administrator creates a Director, who sets a password and enrols two-factor at the first login', async () => {
    const admin = (await sandboxStaff(app)).find((s) => s.role === 'admin')!;
    const { page, errors } = await browser.newPage(DESKTOP);
    await signIn(page, admin.username, admin.password);
    await page.waitForURL(/\/quan-tri\/tai-khoan$/);
    await page.getByRole('link', { name: 'giamdoc.snv', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Tài khoản cán bộ' }).isVisible()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'admin-accounts-1280');
    await page.setViewportSize(PHONE);
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.setViewportSize(DESKTOP);

    await page.getByRole('link', { name: 'Tạo tài khoản mới' }).click();
    await page.getByLabel('Tên đăng nhập').waitFor();
    // Missing answers are named next to their fields and in the summary.
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.locator('#error-summary:not([hidden])').waitFor();
    await expect(page.locator('#error-summary').innerText()).resolves.toContain('Vui lòng nhập họ và tên.');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel('Tên đăng nhập').fill('phogiamdoc.moi');
    await page.getByLabel('Họ và tên').fill('Hà Thị Thu Trang');
    await page.getByLabel('Chức danh').fill('Phó Giám đốc Sở');
    await page.getByLabel('Vai trò').selectOption('director');
    expect(await page.getByLabel('Trung tâm công tác').isDisabled()).toBe(true);
    await page.getByLabel('Thư điện tử').fill('ha.thi.thu.trang@snv.example.vn');
    await page.getByLabel('Lý do').fill('Bổ nhiệm theo Quyết định 30/QĐ-UBND');
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.locator('#created:not([hidden])').waitFor();
    const oneTime = (await page.locator('#created-password').innerText()).trim();
    expect(oneTime).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    await expect(page.locator('#created').innerText()).resolves.toContain('đăng ký xác thực hai lớp');
    await screenshot(page, 'admin-account-created-1280');

    // The account page: move to another role is refused without a reason; a reset shows a new one-time password.
    await page.getByRole('link', { name: 'Xem tài khoản' }).click();
    await page.locator('#account-state dd').first().waitFor();
    await expect(page.locator('#account-state').innerText()).resolves.toContain('Bắt buộc, chưa đăng ký');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.locator('#action-form').getByLabel('Thao tác').selectOption('reset-password');
    await page.locator('#action-form').getByLabel('Lý do').fill('Cán bộ chưa nhận được mật khẩu');
    await page.getByRole('button', { name: 'Thực hiện' }).click();
    await page.locator('#one-time:not([hidden])').waitFor();
    const reset = (await page.locator('#one-time-password').innerText()).trim();
    expect(reset).not.toBe(oneTime);
    await screenshot(page, 'admin-account-1280');
    expect(errors).toEqual([]);
    await page.close();

    // The Director's first login in a fresh browser context: new password, QR enrolment, recovery codes.
    const director = await browser.newPage(DESKTOP);
    const d = director.page;
    await signIn(d, 'phogiamdoc.moi', reset);
    await d.getByLabel('Mật khẩu mới', { exact: true }).waitFor();
    await d.getByLabel('Mật khẩu mới', { exact: true }).fill('123456789012');
    await d.getByLabel('Nhập lại mật khẩu mới').fill('123456789012');
    await d.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect(d.locator('#newPassword-error').innerText()).resolves.toContain('quá phổ biến');
    expect(await seriousA11yViolations(d)).toEqual([]);
    await d.getByLabel('Mật khẩu mới', { exact: true }).fill('hoa sữa nở cuối thu');
    await d.getByLabel('Nhập lại mật khẩu mới').fill('hoa sữa nở cuối thu');
    await d.getByRole('button', { name: 'Tiếp tục' }).click();
    await d.locator('#step-enrol:not([hidden])').waitFor();
    expect(await d.locator('#enrol-qr').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(
      true,
    );
    expect(await seriousA11yViolations(d)).toEqual([]);
    await screenshot(d, 'staff-login-two-factor-enrolment-1280');
    const secret = (await d.locator('#enrol-secret').innerText()).replace(/\s+/g, '');
    await d.getByLabel('Mã xác thực').fill(authenticatorCode(secret));
    await d.getByRole('button', { name: 'Tiếp tục' }).click();
    await d.locator('#recovery-codes:not([hidden])').waitFor();
    expect(await d.locator('#recovery-list li').count()).toBe(10);
    expect(await seriousA11yViolations(d)).toEqual([]);
    await d.getByRole('button', { name: 'Tôi đã lưu các mã, tiếp tục' }).click();
    await d.waitForURL(/\/can-bo$/);
    expect(director.errors).toEqual([]);
    await d.close();
  });
});

describe("staff login page: sign-in through the province's identity provider", () => {
  let idp: TestStaffIdp;
  let app: TestApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    idp = await TestStaffIdp.start([{ sub: 'u-7', email: 'thamdinh.sso@snv.example.vn', email_verified: true }]);
    app = await startTestApp({
      STAFF_OIDC_ISSUER: idp.issuer,
      STAFF_OIDC_CLIENT_ID: idp.clientId,
      STAFF_OIDC_CLIENT_SECRET: idp.clientSecret,
    });
    idp.register(`${publicUrl(app)}/auth/staff/oidc/callback`);
    const quantri = SANDBOX_STAFF.find((s) => s.username === 'quantri')!;
    const admin = (
      await request(app.baseUrl)
        .post('/api/v1/auth/staff/login')
        .send({ username: quantri.username, password: quantri.password })
        .expect(200)
    ).body.accessToken;
    await request(app.baseUrl)
      .post('/api/v1/admin/staff')
      .set('authorization', `Bearer ${admin}`)
      .send({
        username: 'thamdinh.sso',
        fullName: 'Khổng Minh Đức',
        role: 'reviewer',
        centerCode: 'DNA-BH',
        email: 'thamdinh.sso@snv.example.vn',
        reason: 'Đăng nhập qua hệ thống của tỉnh',
      })
      .expect(201);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await idp?.close();
  });

  it('lands on the work queue with the account granted here; the token leaves the address bar', async () => {
    idp.next = { accountId: 'u-7', amr: ['pwd'] };
    const { page, errors } = await browser.newPage(DESKTOP);
    await page.goto(`${publicUrl(app)}/can-bo/dang-nhap`, { waitUntil: 'domcontentloaded' });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Đăng nhập bằng tài khoản công vụ của tỉnh' }).click();
    await page.waitForURL(/\/can-bo$/);
    expect(page.url()).not.toContain('oidc_token');
    await expect(page.locator('#account').innerText()).resolves.toContain('Thẩm định');
    expect(await page.evaluate(() => sessionStorage.getItem('tctn.staffUser'))).toBe('thamdinh.sso');
    expect(errors).toEqual([]);
    await page.close();
  });
});
