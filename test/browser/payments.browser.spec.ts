/// <reference lib="dom" />
import { Page } from 'playwright-core';
import request from 'supertest';
import { AfterDecisionTuningModule, eventually } from '../support/after-decision';
import { applicationFor } from '../support/dossier-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { CLOCK, Clock } from '../../src/platform/clock/clock';
import { auth, citizenBearer, staffBearer } from '../support/tokens';
import {
  launchBrowser,
  overflowsHorizontally,
  screenshot,
  seriousA11yViolations,
  TestBrowser,
} from './support/browser';
import { loginOnSandboxEid, publicUrl, SandboxResident, sandboxResidents } from './support/flows';

const PHONE_390 = { width: 390, height: 844 };
const DESKTOP_1280 = { width: 1280, height: 800 };

/**
 * Issue #19: after the decision, the citizen sees each benefit month on the dossier page as the social insurance
 * office reported it (paid with amount and date, failed with the reason), corrects the payment account from the
 * page, and sees the failed month pending again; "Hồ sơ của tôi" lists what was sent and the chosen channels.
 * Real Chromium against the real server; the office reports through its own client-credentials endpoint.
 */
describe('payments and notifications in the browser (issue #19)', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let base: string;
  let residents: SandboxResident[];
  const api = () => request(app.baseUrl);

  beforeAll(async () => {
    app = await startTestApp({}, [AfterDecisionTuningModule.forRoot()]);
    base = publicUrl(app);
    browser = await launchBrowser();
    residents = await sandboxResidents(app);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function checkState(page: Page, name: string): Promise<void> {
    for (const [size, label] of [
      [DESKTOP_1280, '1280'],
      [PHONE_390, '390'],
    ] as const) {
      await page.setViewportSize(size);
      expect({ state: `${name}-${label}`, violations: await seriousA11yViolations(page) }).toEqual({
        state: `${name}-${label}`,
        violations: [],
      });
      if (label === '390') expect(await overflowsHorizontally(page)).toBe(false);
      await screenshot(page, `payments-${name}-${label}`);
    }
    await page.setViewportSize(DESKTOP_1280);
  }

  async function approved(r: SandboxResident) {
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
        .send(applicationFor(r as never, 'DNA-BH', { email: 'tra.tien@example.vn', phone: '0912000333' }))
        .expect(201)
    ).body as { id: string; code: string; version: number };
    let version = filed.version;
    for (const [role, body] of [
      ['receiver', { action: 'receive' }],
      ['reviewer', { action: 'start_review' }],
      ['reviewer', { action: 'complete_review', recommendation: 'approve' }],
      ['center_head', { action: 'propose' }],
      ['director', { action: 'approve' }],
    ] as const) {
      const staff = await staffBearer(app, `pay.${role}`, role, role === 'director' ? null : 'DNA-BH');
      const res = await api()
        .post(`/api/v1/staff/dossiers/${filed.id}/actions`)
        .set(auth(staff))
        .send({ ...body, expectedVersion: version });
      expect({ step: body.action, status: res.status }).toEqual({ step: body.action, status: 200 });
      version = res.body.version;
    }
    return filed;
  }

  async function officeToken(): Promise<string> {
    const clients = (await api().get('/sandbox/clients').expect(200)).body as {
      clientId: string;
      clientSecret: string;
    }[];
    const c = clients.find((x) => x.clientId === 'bhxh-sandbox')!;
    return (
      await api()
        .post('/api/v1/auth/clients/token')
        .send({ clientId: c.clientId, clientSecret: c.clientSecret })
        .expect(200)
    ).body.accessToken as string;
  }

  it('a paid month (amount, date), a failed month (why); "Sửa tài khoản nhận tiền" makes it pending again', async () => {
    const r = residents.filter((x) => x.scenario === 'eligible')[0];
    const filed = await approved(r);
    const citizen = await citizenBearer(app, r.personalId);
    const months = (await api().get(`/api/v1/dossiers/${filed.id}/payments`).set(auth(citizen)).expect(200)).body as {
      month: number;
      amount: number;
      from: string;
    }[];
    expect(months.length).toBeGreaterThanOrEqual(2);

    // The office reports month 1 paid and month 2 failed (its real endpoint, its own client).
    const office = await officeToken();
    // Paid today (the office may not report a payment dated after today).
    const paidAt = app.app.get<Clock>(CLOCK).today();
    const reason = 'Số tài khoản không tồn tại tại ngân hàng nhận';
    await api()
      .post('/api/v1/social-insurance/payments')
      .set(auth(office))
      .send({
        reportId: `ui-${filed.code}-1`,
        dossierCode: filed.code,
        personalId: r.personalId,
        month: 1,
        amount: months[0].amount,
        status: 'paid',
        paidAt,
      })
      .expect(201);
    await api()
      .post('/api/v1/social-insurance/payments')
      .set(auth(office))
      .send({
        reportId: `ui-${filed.code}-2`,
        dossierCode: filed.code,
        personalId: r.personalId,
        month: 2,
        amount: months[1].amount,
        status: 'failed',
        failureReason: reason,
      })
      .expect(201);

    const { page, errors } = await browser.newPage(DESKTOP_1280);
    await page.context().clearCookies();
    await page.goto(`${base}/ho-so/${filed.id}`, { waitUntil: 'domcontentloaded' });
    await page.locator('#login-required:not([hidden])').waitFor();
    await page.click('#login-link');
    await loginOnSandboxEid(page, r.personalId, new RegExp(`/ho-so/${filed.id}$`));
    await page.locator('[data-testid="payments"]:not([hidden])').waitFor();

    const amountText = new Intl.NumberFormat('vi-VN').format(months[0].amount);
    const [y, m, d] = paidAt.split('-');
    const paid = await page.locator('[data-testid="payment-1"]').innerText();
    expect(paid).toContain('Đã chi trả');
    expect(paid).toContain(amountText);
    expect(paid).toContain(`${d}/${m}/${y}`);
    const failed = page.locator('[data-testid="payment-2"]');
    await expect(failed.innerText()).resolves.toContain('Chưa chi trả được');
    await expect(failed.innerText()).resolves.toContain(reason);
    expect(await page.locator('[data-testid="payment-3"]').getAttribute('data-status')).toBe('pending');
    await checkState(page, 'dossier-paid-and-failed');

    // A malformed account is refused next to the field; the corrected one is saved and month 2 is pending again.
    await failed.getByRole('button', { name: 'Sửa tài khoản nhận tiền' }).click();
    await page.locator('#payment-account-form:not([hidden])').waitFor();
    await page.selectOption('#pa-bankCode', 'BIDV');
    await page.fill('#pa-accountNumber', '12ab');
    await page.fill('#pa-accountHolder', r.fullName.toUpperCase());
    await page.getByRole('button', { name: 'Lưu tài khoản mới' }).click();
    await page.locator('#pa-accountNumber-error').waitFor();
    await expect(page.locator('#pa-accountNumber-error').innerText()).resolves.toContain(
      'Số tài khoản gồm 6 đến 20 chữ số',
    );
    await checkState(page, 'dossier-account-form');
    await page.fill('#pa-accountNumber', '31410001234567');
    await page.getByRole('button', { name: 'Lưu tài khoản mới' }).click();
    await page.locator('#payments-notice:not([hidden])').waitFor();
    await expect(page.locator('#payments-notice').innerText()).resolves.toContain('Tháng 2 sẽ được chi trả lại');
    expect(await page.locator('[data-testid="payment-2"]').getAttribute('data-status')).toBe('pending');
    expect(await page.locator('[data-testid="payment-1"]').getAttribute('data-status')).toBe('paid');
    expect(await page.locator('#payment-account-form').isHidden()).toBe(true);
    await checkState(page, 'dossier-account-corrected');
    // The server holds the new account.
    const account = (await api().get(`/api/v1/dossiers/${filed.id}/payment-account`).set(auth(citizen)).expect(200))
      .body;
    expect(account).toMatchObject({ method: 'bank', bankCode: 'BIDV', accountNumber: '31410001234567' });

    // "Hồ sơ của tôi": what was sent, and the channels (saved through the API).
    await eventually(async () => {
      const list = (await api().get('/api/v1/me/notifications').set(auth(citizen)).expect(200)).body as any[];
      return list.some((n) => n.template === 'payment_failed') ? true : undefined;
    }, 'the failed-payment notification');
    await page.goto(`${base}/ho-so`, { waitUntil: 'domcontentloaded' });
    await page.locator('[data-testid="notifications"]:not([hidden])').waitFor();
    await expect(page.locator('[data-testid="notifications"]').innerText()).resolves.toContain(
      'Chưa chi trả được trợ cấp tháng 2',
    );
    expect(
      await page.locator('[data-testid="notification"][data-template="payment_paid"]').count(),
    ).toBeGreaterThanOrEqual(1);
    expect(await page.isChecked('#pref-sms')).toBe(true);
    await page.uncheck('#pref-sms');
    await page.check('#pref-smsUnaccented');
    await page.getByRole('button', { name: 'Lưu lựa chọn' }).click();
    await page.locator('#preferences-saved', { hasText: 'Đã lưu' }).waitFor();
    expect((await api().get('/api/v1/me/notification-preferences').set(auth(citizen)).expect(200)).body).toEqual({
      email: true,
      sms: false,
      smsUnaccented: true,
    });
    await checkState(page, 'my-notifications');
    expect(errors).toEqual([]);
    await page.close();
  });
});
