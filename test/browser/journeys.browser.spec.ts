/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Page } from 'playwright-core';
import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';
import { applicationFor } from '../support/dossier-fixtures';
import { auth, citizenBearer, staffBearer } from '../support/tokens';
import {
  launchBrowser,
  overflowsHorizontally,
  screenshot,
  seriousA11yViolations,
  TestBrowser,
} from './support/browser';
import {
  loginAsStaff,
  loginOnSandboxEid,
  publicUrl,
  SandboxResident,
  sandboxResidents,
  sandboxStaff,
} from './support/flows';

/** The sizes issue #16 was walked at. */
const PHONE_390 = { width: 390, height: 844 };
const DESKTOP_1280 = { width: 1280, height: 800 };

const pdf = (salt: string) => ({
  name: `${salt}.pdf`,
  mimeType: 'application/pdf',
  buffer: Buffer.from(`%PDF-1.4\n% ${salt}\n%%EOF\n`),
});

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

  /**
   * `npm run docs:screens` sets DOCS_SCREENS: the same states are then also written under docs/screens/ (JPEG, the
   * whole page at 1280, the first screen at 390) for reviewers who do not run the pages.
   */
  const docsScreens = process.env.DOCS_SCREENS ? resolve(__dirname, '..', '..', 'docs', 'screens') : null;

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
      if (docsScreens) {
        mkdirSync(docsScreens, { recursive: true });
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({
          path: join(docsScreens, `${name}-${label}.jpg`),
          type: 'jpeg',
          quality: 60,
          fullPage: label === '1280',
        });
      }
    }
    await page.setViewportSize(DESKTOP_1280);
  }

  async function citizenPage(personalId: string, path: string) {
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

  // ------------------------------------------------------------------ helpers driving the API (staff steps)

  const api = () => request(app.baseUrl);

  /** Files for a resident through the draft path, with the proof of termination attached. */
  async function fileWithProof(r: SandboxResident, overrides: Record<string, unknown> = {}) {
    const token = await citizenBearer(app, r.personalId, r.fullName);
    await api()
      .post('/api/v1/me/draft/attachments')
      .set(auth(token))
      .field('kind', 'termination_proof')
      .attach('file', pdf(r.personalId).buffer, 'giay.pdf')
      .expect(201);
    const filed = await api()
      .post('/api/v1/me/draft/submit')
      .set(auth(token))
      .send(applicationFor(r as never, 'DNA-BH', overrides))
      .expect(201);
    return filed.body as { id: string; code: string; version: number };
  }

  async function advance(id: string, version: number, steps: [string, Record<string, unknown>][]) {
    for (const [role, body] of steps) {
      const staff = await staffBearer(
        app,
        `journey.${role}`,
        role as never,
        role === 'director' ? null : 'DNA-BH',
        `Cán bộ ${role}`,
      );
      const res = await api()
        .post(`/api/v1/staff/dossiers/${id}/actions`)
        .set(auth(staff))
        .send({ ...body, expectedVersion: version });
      expect({ step: body.action, status: res.status, body: res.status === 200 ? '' : res.body }).toEqual({
        step: body.action,
        status: 200,
        body: '',
      });
      version = res.body.version;
    }
    return version;
  }

  async function decided(personalId: string, id: string) {
    const token = await citizenBearer(app, personalId);
    for (let i = 0; i < 100; i++) {
      const d = (await api().get(`/api/v1/dossiers/${id}`).set(auth(token))).body;
      if (d.decision) return d;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('the decision was not issued');
  }

  const TO_PROPOSED = (recommendation: 'approve' | 'deny', note?: string): [string, Record<string, unknown>][] => [
    ['receiver', { action: 'receive' }],
    ['reviewer', { action: 'start_review' }],
    ['reviewer', { action: 'complete_review', recommendation, ...(note ? { note } : {}) }],
    ['center_head', { action: 'propose' }],
  ];

  // ------------------------------------------------------------------ citizen

  it('2: answers are saved on the server while typing and restored after a new login (session lost)', async () => {
    const r = byScenario('eligible', 1);
    const first = await citizenPage(r.personalId, '/ho-so/nop');
    await first.page.locator('#apply:not([hidden])').waitFor();
    await fillStepOne(first.page, r, { accountNumber: '9988776655' });
    await first.page.locator('#draft-status', { hasText: 'Đã tự động lưu' }).waitFor();
    expect(first.errors).toEqual([]);
    await first.page.close();
    // The session is gone (expired, or another computer): log in again, everything is back.
    const second = await citizenPage(r.personalId, '/ho-so/nop');
    await second.page.locator('#apply:not([hidden])').waitFor();
    await second.page.locator('#draft-status', { hasText: 'Đã khôi phục' }).waitFor();
    expect(await second.page.inputValue('#payment-accountNumber')).toBe('9988776655');
    expect(await second.page.inputValue('#phone')).toBe('0912345678');
    const [year, month, day] = r.suggestedTerminationDate.split('-');
    expect(await second.page.inputValue('#terminationDate-day')).toBe(day);
    expect(await second.page.inputValue('#terminationDate-month')).toBe(month);
    expect(await second.page.inputValue('#terminationDate-year')).toBe(year);
    // The warning before the session ends (shown here without waiting 12 minutes).
    await second.page.evaluate(() => {
      const box = document.getElementById('session-warning')!;
      box.hidden = false;
    });
    await checkState(second.page, 'apply-session-warning');
    const renewed = second.page.waitForResponse(
      (res) => res.url().endsWith('/api/v1/me/draft') && res.request().method() === 'GET',
    );
    await second.page.getByRole('button', { name: 'Tiếp tục làm việc' }).click();
    expect((await renewed).status()).toBe(200);
    await second.page.locator('#session-warning').waitFor({ state: 'hidden' });
    expect(second.errors).toEqual([]);
    await second.page.close();
  });

  it('7: with a dossier still open, the form says so on arrival and links to it, speaking to "bạn"', async () => {
    const r = byScenario('eligible', 2);
    const filed = await fileWithProof(r);
    const { page, errors } = await citizenPage(r.personalId, '/ho-so/nop');
    await page.locator('#open-dossier:not([hidden])').waitFor();
    expect(await page.locator('#apply').isHidden()).toBe(true);
    await expect(page.locator('#open-dossier').innerText()).resolves.toContain(filed.code);
    await expect(page.locator('#open-dossier').innerText()).resolves.toContain('Bạn không cần nộp lại');
    expect(await page.getAttribute('#open-dossier-link', 'href')).toBe(`/ho-so/${filed.id}`);
    await checkState(page, 'apply-open-dossier');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('6: not eligible → why and what to do, no amount or deadline; filing asks for confirmation. Capped → "đã áp dụng mức tối đa"', async () => {
    const r = byScenario('ineligible-11-months');
    const { page, errors } = await citizenPage(r.personalId, '/ho-so/nop');
    await page.locator('#apply:not([hidden])').waitFor();
    await fillStepOne(page, r);
    await page.locator('[data-testid="estimate-ineligible"]').waitFor();
    const box = await page.locator('#estimate').innerText();
    expect(box).toContain('Vì sao');
    expect(box).toContain('Bạn có thể làm gì');
    await expect(page.locator('[data-testid="estimate-advice"]').innerText()).resolves.toContain('cộng dồn');
    expect(box).not.toContain('Mức hưởng tối đa');
    expect(box).not.toContain('Hạn nộp hồ sơ');
    await checkState(page, 'apply-ineligible');
    await page.getByRole('button', { name: 'Tiếp tục: giấy tờ' }).click();
    await page.setInputFiles('#file', pdf('thoi-viec'));
    await page.getByRole('button', { name: 'Tải lên' }).click();
    await page.locator('#uploaded li', { hasText: 'chứng minh chấm dứt' }).waitFor();
    await page.getByRole('button', { name: 'Tiếp tục: kiểm tra lại' }).click();
    await page.getByRole('button', { name: 'Tiếp tục: cam đoan và nộp' }).click();
    await page.locator('#ineligible-confirm:not([hidden])').waitFor();
    await page.check('#declarationAccepted');
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.locator('#ineligibleAcknowledged-error').waitFor();
    await checkState(page, 'apply-ineligible-confirm');
    await page.check('#ineligibleAcknowledged');
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.locator('#stage-done:not([hidden])').waitFor();
    expect(errors).toEqual([]);
    await page.close();

    const capped = byScenario('cap-zone-1');
    const second = await citizenPage(capped.personalId, '/ho-so/nop');
    await second.page.locator('#apply:not([hidden])').waitFor();
    await fillStepOne(second.page, capped);
    await second.page.locator('[data-testid="estimate-capped"]').waitFor();
    await expect(second.page.locator('[data-testid="estimate-capped"]').innerText()).resolves.toContain(
      'Đã áp dụng mức tối đa',
    );
    expect(second.errors).toEqual([]);
    await second.page.close();
  });

  it('5, 9, 10: after the decision, the decided figures and next steps; answers shown, hashes behind "Thông tin kỹ thuật"; help', async () => {
    const r = byScenario('eligible', 3);
    const filed = await fileWithProof(r);
    const version = await advance(filed.id, filed.version, [
      ...TO_PROPOSED('approve'),
      ['director', { action: 'approve' }],
    ]);
    void version;
    const d = await decided(r.personalId, filed.id);
    const { page, errors } = await citizenPage(r.personalId, `/ho-so/${filed.id}`);
    await page.locator('[data-testid="result"]:not([hidden])').waitFor();
    const result = await page.locator('[data-testid="result"]').innerText();
    expect(result).toContain('Việc bạn cần làm tiếp');
    expect(result).toContain('Thông báo tìm kiếm việc làm tháng đầu');
    expect(result).toContain('Thẻ bảo hiểm y tế');
    expect(result).toContain('…6789 tại Vietcombank');
    expect(await page.locator('#assessment').isHidden()).toBe(true);
    expect(await page.locator('#status-line').innerText()).toContain('Bạn được hưởng trợ cấp thất nghiệp');
    const answers = await page.locator('[data-testid="answers"]').innerText();
    expect(answers).toContain('Công ty TNHH Điện tử Biên Hòa');
    expect(answers).toContain('0912345678');
    expect(answers).toContain('0123456789');
    expect(await page.locator('#technical').getAttribute('open')).toBeNull();
    expect(await page.locator('#technical-body').isVisible()).toBe(false);
    await expect(page.locator('#technical-body').textContent()).resolves.toContain(d.decision.sha256);
    await expect(page.locator('[data-testid="center-help"]').innerText()).resolves.toMatch(
      /Điện thoại[\s\S]*Giờ làm việc/,
    );
    await checkState(page, 'dossier-approved');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('5: a refusal is called a "Thông báo", with the reasons, the months kept, and where and until when to complain', async () => {
    const r = byScenario('eligible', 4);
    const filed = await fileWithProof(r);
    await advance(filed.id, filed.version, [
      ...TO_PROPOSED('deny', 'Đã có việc làm mới.'),
      ['director', { action: 'deny', reason: 'Đã có việc làm mới từ ngày 01/11/2026.' }],
    ]);
    await decided(r.personalId, filed.id);
    const { page, errors } = await citizenPage(r.personalId, `/ho-so/${filed.id}`);
    await page.locator('[data-testid="refusal"]:not([hidden])').waitFor();
    const refusal = await page.locator('[data-testid="refusal"]').innerText();
    expect(refusal).toContain('Thông báo: bạn không được hưởng');
    expect(refusal).toContain('Đã có việc làm mới từ ngày 01/11/2026.');
    expect(refusal).toContain('bảo lưu');
    await expect(page.locator('[data-testid="complaint"]').innerText()).resolves.toMatch(
      /Giám đốc Sở Nội vụ[\s\S]*đến hết/,
    );
    await expect(page.locator('#decision-body').innerText()).resolves.toContain('Tải thông báo');
    expect(await page.locator('#summary').innerText()).not.toContain('Ngày hẹn trả kết quả');
    await checkState(page, 'dossier-refused');
    expect(errors).toEqual([]);
    await page.close();
  });

  it("11: a supplement request shows the officer's note and one upload per requested item", async () => {
    const r = byScenario('eligible', 5);
    const filed = await fileWithProof(r);
    await advance(filed.id, filed.version, [
      [
        'receiver',
        {
          action: 'request_supplement',
          items: ['Quyết định thôi việc có chữ ký', 'Sổ bảo hiểm xã hội'],
          note: 'Bản chụp cũ bị mờ.',
        },
      ],
    ]);
    const { page, errors } = await citizenPage(r.personalId, `/ho-so/${filed.id}`);
    await page.locator('#supplement:not([hidden])').waitFor();
    await expect(page.locator('#supplement-request').innerText()).resolves.toContain('Bản chụp cũ bị mờ.');
    expect(await page.locator('#supplement-items input[type="file"]').count()).toBe(2);
    await page.setInputFiles('#supplement-file-0', pdf('qd'));
    await page.setInputFiles('#supplement-file-1', pdf('so'));
    await checkState(page, 'dossier-supplement');
    await page.getByRole('button', { name: 'Gửi bổ sung' }).click();
    await page.locator('#status', { hasText: 'Đã gửi bổ sung' }).waitFor();
    await expect(page.locator('#attachments').innerText()).resolves.toMatch(/Giấy tờ bổ sung[\s\S]*Giấy tờ bổ sung/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('3, 4: an unknown URL, a failed e-ID return and /verify without a code are Vietnamese pages; logging out says so', async () => {
    const { page, errors } = await browser.newPage(DESKTOP_1280);
    const res = await page.goto(`${base}/trang-khong-co`, { waitUntil: 'domcontentloaded' });
    expect(res!.status()).toBe(404);
    await expect(page.locator('h1').innerText()).resolves.toBe('Không tìm thấy trang');
    expect(await page.getByRole('link', { name: 'Về trang chủ' }).count()).toBe(1);
    await checkState(page, 'error-404');
    await page.goto(`${base}/auth/eid/callback?error=access_denied&state=x`, { waitUntil: 'domcontentloaded' });
    await expect(page.locator('h1').innerText()).resolves.toBe('Không đăng nhập được');
    expect(await page.getByRole('link', { name: 'Đăng nhập lại bằng VNeID' }).count()).toBe(1);
    await checkState(page, 'error-login');
    await page.goto(`${base}/verify`, { waitUntil: 'domcontentloaded' });
    await page.locator('#verify-code-input').waitFor();
    await checkState(page, 'verify-form');
    expect(errors).toEqual([]);
    await page.close();

    const r = byScenario('eligible', 6);
    const citizen = await citizenPage(r.personalId, '/ho-so');
    await citizen.page.getByRole('button', { name: 'Đăng xuất' }).click();
    await citizen.page.waitForURL(/\/da-dang-xuat$/);
    await expect(citizen.page.locator('h1').innerText()).resolves.toBe('Bạn đã đăng xuất');
    await citizen.page.goto(`${base}/ho-so`, { waitUntil: 'domcontentloaded' });
    await citizen.page.locator('#login-required:not([hidden])').waitFor();
    await citizen.page.close();
  });

  // ------------------------------------------------------------------ caseworkers

  async function staffPage(role: string) {
    const account = (await sandboxStaff(app)).find(
      (s) => s.role === role && (role === 'director' || s.centerCode === 'DNA-BH'),
    )!;
    const tracked = await browser.newPage(DESKTOP_1280);
    await loginAsStaff(tracked.page, base, account);
    return tracked;
  }

  it('15: the queue opens on "Việc của tôi" for the role, oldest first, with all tiles from one counts call', async () => {
    const older = await fileWithProof(byScenario('eligible', 7));
    const newer = await fileWithProof(byScenario('eligible', 8));
    const counts: string[] = [];
    const { page, errors } = await browser.newPage(DESKTOP_1280);
    page.on('request', (req) => {
      if (new URL(req.url()).pathname.startsWith('/api/v1/staff/dossiers'))
        counts.push(`${req.method()} ${new URL(req.url()).pathname}`);
    });
    const account = (await sandboxStaff(app)).find((s) => s.role === 'receiver' && s.centerCode === 'DNA-BH')!;
    await loginAsStaff(page, base, account);
    await page.locator('#queue-rows tr a').first().waitFor();
    expect(await page.getAttribute('#tab-mine', 'aria-current')).toBe('page');
    await expect(page.locator('#view-note').innerText()).resolves.toContain('chờ tiếp nhận');
    const codes = await page.locator('#queue-rows tr a').allInnerTexts();
    expect(codes.indexOf(older.code)).toBeLessThan(codes.indexOf(newer.code));
    const statuses = await page.locator('#queue-rows td[data-label="Trạng thái"]').allInnerTexts();
    expect(
      statuses.every((t) =>
        ['Mới nộp, chờ tiếp nhận', 'Đã có quyết định hưởng', 'Không được hưởng'].includes(t.trim()),
      ),
    ).toBe(true);
    await page.locator('[data-count="SUBMITTED"]').waitFor();
    expect(Number(await page.locator('[data-count="SUBMITTED"]').innerText())).toBeGreaterThanOrEqual(2);
    expect(counts.filter((c) => c.startsWith('GET /api/v1/staff/dossiers/counts'))).toHaveLength(1);
    expect(counts.filter((c) => c === 'GET /api/v1/staff/dossiers')).toHaveLength(0);
    await checkState(page, 'queue-receiver');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('12, 14: the reviewer chooses (no default); the center head and the Director see the recommendation first, documents inline, a next step after each action', async () => {
    const r = byScenario('eligible', 9);
    const filed = await fileWithProof(r);
    await advance(filed.id, filed.version, [
      ['receiver', { action: 'receive' }],
      ['reviewer', { action: 'start_review' }],
    ]);
    const reviewer = await staffPage('reviewer');
    await reviewer.page.goto(`${base}/can-bo/ho-so/${filed.id}`, { waitUntil: 'domcontentloaded' });
    const form = reviewer.page.locator('form[data-action="complete_review"]');
    await form.waitFor();
    expect(await form.locator('input[name="recommendation"]:checked').count()).toBe(0);
    await expect(form.innerText()).resolves.toContain('Kết quả xét tự động: đủ điều kiện hưởng');
    await form.locator('button[type="submit"]').click();
    await reviewer.page
      .locator('#complete_review-recommendation-approve-error, .field-error', { hasText: 'Vui lòng chọn đề xuất' })
      .first()
      .waitFor();
    // Evidence before actions: the page is read top-down, the actions sit beside it.
    const order = await reviewer.page.evaluate(() =>
      ['summary-title', 'files-title', 'application-title', 'timeline-title'].map(
        (id) => document.getElementById(id)!.getBoundingClientRect().top,
      ),
    );
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const mainText = await reviewer.page.locator('#summary').innerText();
    expect(mainText).not.toMatch(/Phiên bản|Cổng DVCQG/);
    await reviewer.page.getByRole('button', { name: /^Xem Giấy tờ chứng minh/ }).click();
    await reviewer.page.locator('#viewer iframe').waitFor();
    await checkState(reviewer.page, 'staff-review');
    await form.locator('input[value="deny"]').check();
    await form.locator('textarea[name="note"]').fill('Có đóng bảo hiểm tại đơn vị mới từ tháng 11.');
    await form.locator('button[type="submit"]').click();
    await reviewer.page.locator('#next-step:not([hidden])').waitFor();
    await expect(reviewer.page.locator('#next-step').innerText()).resolves.toContain(
      'Bước tiếp theo: Giám đốc trung tâm',
    );
    expect(reviewer.errors).toEqual([]);
    await reviewer.page.close();

    const head = await staffPage('center_head');
    await head.page.goto(`${base}/can-bo/ho-so/${filed.id}`, { waitUntil: 'domcontentloaded' });
    await head.page.locator('[data-testid="recommendation-verdict"]').waitFor();
    await expect(head.page.locator('[data-testid="recommendation-verdict"]').innerText()).resolves.toBe(
      'Đề xuất không hưởng',
    );
    await expect(head.page.locator('[data-testid="recommendation"]').innerText()).resolves.toContain(
      'Có đóng bảo hiểm tại đơn vị mới',
    );
    await checkState(head.page, 'staff-center-head');
    expect(head.errors).toEqual([]);
    await head.page.close();
  });

  it('13: the Director previews the draft decision before deciding; deny is styled apart and confirmed', async () => {
    const r = byScenario('eligible', 10);
    const filed = await fileWithProof(r);
    await advance(filed.id, filed.version, TO_PROPOSED('approve', 'Đủ điều kiện.'));
    const { page, errors } = await staffPage('director');
    await page.goto(`${base}/can-bo/ho-so/${filed.id}`, { waitUntil: 'domcontentloaded' });
    await page.locator('[data-testid="preview-decision"]').waitFor();
    await expect(page.locator('[data-testid="recommendation-verdict"]').innerText()).resolves.toBe('Đề xuất hưởng');
    const preview = page.waitForResponse((res) => res.url().includes('/decision/preview'));
    await page.locator('[data-testid="preview-decision"]').click();
    const answer = await preview;
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-type']).toBe('application/pdf');
    await page.locator('#viewer iframe').waitFor();
    await expect(page.locator('#viewer-title').innerText()).resolves.toContain('Dự thảo quyết định hưởng');
    const approveClass = await page.locator('form[data-action="approve"] button[type="submit"]').getAttribute('class');
    const denyClass = await page.locator('form[data-action="deny"] button[type="submit"]').getAttribute('class');
    expect(approveClass).toContain('btn-approve');
    expect(denyClass).toContain('btn-deny');
    const deny = page.locator('form[data-action="deny"]');
    await deny.locator('textarea[name="reason"]').fill('Không đủ điều kiện theo hồ sơ.');
    await deny.locator('button[type="submit"]').click();
    await page.getByRole('button', { name: 'Xác nhận: Quyết định không cho hưởng' }).waitFor();
    await checkState(page, 'staff-director-confirm');
    // "Hủy" sends nothing.
    await page.getByRole('button', { name: 'Hủy' }).click();
    await expect(page.locator('[data-testid="dossier-status"]').innerText()).resolves.toBe('Đã trình Giám đốc Sở');
    await page.locator('form[data-action="approve"] button[type="submit"]').click();
    await page.getByRole('button', { name: 'Xác nhận: Quyết định hưởng trợ cấp' }).click();
    await page.locator('[data-testid="dossier-status"]', { hasText: 'Đã có quyết định hưởng' }).waitFor();
    await expect(page.locator('#next-step').innerText()).resolves.toContain('trả kết quả');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('16: the verify page accepts the code in any case and in groups, and words a refusal as a notice', async () => {
    const r = byScenario('eligible', 11);
    const filed = await fileWithProof(r);
    await advance(filed.id, filed.version, [
      ...TO_PROPOSED('deny', 'Không đủ.'),
      ['director', { action: 'deny', reason: 'Không đủ điều kiện.' }],
    ]);
    const d = await decided(r.personalId, filed.id);
    const code: string = d.decision.verificationCode;
    const grouped = code
      .toLowerCase()
      .match(/.{1,4}/g)!
      .join(' ');
    const { page, errors } = await browser.newPage(DESKTOP_1280);
    await page.goto(`${base}/verify`, { waitUntil: 'domcontentloaded' });
    await page.fill('#verify-code-input', grouped);
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await page.locator('[data-testid="verify-verdict"]').waitFor();
    await expect(page.locator('#verify-result h2').innerText()).resolves.toBe('Thông báo hợp lệ');
    const text = await page.locator('#verify-result').innerText();
    expect(text).toContain('Người nhận thông báo');
    expect(text).not.toContain('Người được hưởng');
    expect(page.url()).toBe(`${base}/verify/${code}`);
    await checkState(page, 'verify-refusal');
    expect(errors).toEqual([]);
    await page.close();
  });
});
