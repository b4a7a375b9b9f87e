/// <reference lib="dom" />
import { Page, Route } from 'playwright-core';
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

/**
 * Citizen and staff pages against the JSON API shapes of API.md. The dossier, identity and calculator modules are
 * built in parallel, so their answers are played by the browser (page.route) with exactly the contract's shapes:
 * the pages, assets and everything else are the real server.
 */
const assessment = {
  eligible: true,
  reasons: [],
  regime: 'VN-2025',
  contributionMonthsInWindow: 24,
  totalContributionMonths: 50,
  averageSalary: 9000000,
  cap: 26550000,
  monthlyBenefit: 5400000,
  benefitMonths: 4,
  reservedMonthsAfter: 2,
  entitlementStart: '2026-03-02',
  entitlementEnd: '2026-07-01',
  periods: [
    { from: '2026-03-02', to: '2026-04-01' },
    { from: '2026-04-02', to: '2026-05-01' },
    { from: '2026-05-02', to: '2026-06-01' },
    { from: '2026-06-02', to: '2026-07-01' },
  ],
  filingDeadline: '2026-04-15',
};

const dossier = {
  id: 'd-1',
  code: 'TCTN-DNA-2026-000123',
  status: 'IN_REVIEW',
  statusLabel: 'Đang thẩm định',
  portalStatusCode: 4,
  version: 7,
  channel: 'online',
  personalId: '075090000123',
  applicant: {
    fullName: 'Nguyễn Thị Hồng Nhung',
    dateOfBirth: '1990-05-14',
    sex: 'female',
    permanentAddress: {
      line: 'Số 12, đường Phạm Văn Thuận',
      communeName: 'Phường Trấn Biên',
      provinceName: 'Tỉnh Đồng Nai',
    },
  },
  application: {
    terminationDate: '2026-01-15',
    terminationReason: 'contract_expired',
    contractType: 'fixed_term',
    lastEmployer: { name: 'Công ty TNHH Điện tử Biên Hòa', taxCode: '3600123456', address: 'KCN Biên Hòa 2, Đồng Nai' },
    zone: 'I',
    centerCode: 'DNA-BH',
    payment: { method: 'bank', bankCode: 'VCB', accountNumber: '0123456789', accountHolder: 'NGUYEN THI HONG NHUNG' },
    phone: '0912345678',
    declarationAccepted: true,
  },
  assessment,
  flags: [],
  filedAt: '2026-02-02T08:15:00+07:00',
  receivedAt: '2026-02-03T09:00:00+07:00',
  dueDate: '2026-03-03',
  decidedAt: null,
  supplementRequest: null,
  attachments: [
    {
      id: 'a-1',
      kind: 'termination_proof',
      fileName: 'quyet-dinh-thoi-viec.pdf',
      contentType: 'application/pdf',
      size: 182000,
      sha256: 'ab'.repeat(32),
      uploadedAt: '2026-02-02T08:20:00+07:00',
    },
  ],
  history: [
    {
      at: '2026-02-02T08:15:00+07:00',
      action: 'submit',
      actionLabel: 'Nộp hồ sơ trực tuyến',
      status: 'SUBMITTED',
      statusLabel: 'Mới nộp',
      actorName: 'Nguyễn Thị Hồng Nhung',
      note: null,
    },
    {
      at: '2026-02-03T09:00:00+07:00',
      action: 'receive',
      actionLabel: 'Tiếp nhận hồ sơ',
      status: 'RECEIVED',
      statusLabel: 'Đã tiếp nhận',
      actorName: 'Trần Văn Tiếp',
      note: null,
    },
    {
      at: '2026-02-04T10:30:00+07:00',
      action: 'start_review',
      actionLabel: 'Bắt đầu thẩm định',
      status: 'IN_REVIEW',
      statusLabel: 'Đang thẩm định',
      actorName: 'Lê Thị Thẩm',
      note: null,
    },
  ],
  documents: [
    {
      kind: 'receipt',
      title: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
      number: '123/GTN',
      issuedAt: '2026-02-03T09:00:00+07:00',
      downloadUrl: '/api/v1/dossiers/d-1/documents/receipt',
    },
  ],
  decision: null,
};

type Handler = (route: Route, body: any) => { status?: number; json: unknown } | undefined;

async function stubApi(
  page: Page,
  handlers: Record<string, Handler>,
  seen: { method: string; path: string; headers: Record<string, string>; body: any }[] = [],
) {
  await page.route(/\/api\/v1\//, async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    const key = `${request.method()} ${url.pathname}`;
    let body: any = null;
    try {
      body = request.postDataJSON();
    } catch {
      body = request.postData();
    }
    seen.push({ method: request.method(), path: url.pathname + url.search, headers: request.headers(), body });
    const handler = handlers[key];
    const answer = handler ? handler(route, body) : undefined;
    if (!answer)
      return route.fulfill({
        status: 404,
        contentType: 'application/problem+json',
        body: JSON.stringify({ status: 404, title: 'Không tìm thấy' }),
      });
    const status = answer.status ?? 200;
    return route.fulfill({
      status,
      contentType: status >= 400 ? 'application/problem+json' : 'application/json',
      body: JSON.stringify(answer.json),
    });
  });
  return seen;
}

describe('citizen and staff pages against the API contract', () => {
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

  it('apply: identity is read-only from the registry; server field errors land on the fields; the filing sends an Idempotency-Key; then upload and confirmation', async () => {
    const { page, errors } = await browser.newPage(DESKTOP);
    let filings = 0;
    const seen = await stubApi(page, {
      'GET /api/v1/me/profile': () => ({
        json: {
          ...dossier.applicant,
          personalId: dossier.personalId,
          insurance: {
            socialInsuranceNumber: '7512345678',
            salaryRegime: 'employer',
            contributions: [
              {
                month: '2025-12',
                salary: 9000000,
                employerName: 'Công ty TNHH Điện tử Biên Hòa',
                employerTaxCode: '3600123456',
                zone: 'I',
              },
              {
                month: '2026-01',
                salary: 9000000,
                employerName: 'Công ty TNHH Điện tử Biên Hòa',
                employerTaxCode: '3600123456',
                zone: 'I',
              },
            ],
            usedMonths: [],
            reservedMonths: 0,
          },
        },
      }),
      'GET /api/v1/me/eligibility': () => ({ json: assessment }),
      'POST /api/v1/dossiers': () => {
        filings += 1;
        return filings === 1
          ? {
              status: 400,
              json: {
                status: 400,
                title: 'Dữ liệu không hợp lệ',
                errors: [
                  {
                    field: 'payment.accountNumber',
                    code: 'invalid',
                    message: 'Số tài khoản không đúng định dạng của ngân hàng.',
                  },
                ],
              },
            }
          : {
              status: 201,
              json: {
                ...dossier,
                status: 'SUBMITTED',
                statusLabel: 'Mới nộp, chờ tiếp nhận',
                attachments: [],
                dueDate: null,
              },
            };
      },
      'POST /api/v1/dossiers/d-1/attachments': () => ({ status: 201, json: dossier.attachments[0] }),
      'GET /api/v1/dossiers/d-1': () => ({
        json: { ...dossier, status: 'SUBMITTED', statusLabel: 'Mới nộp, chờ tiếp nhận', dueDate: '2026-03-03' },
      }),
    });
    await page.goto(app.baseUrl + '/ho-so/nop', { waitUntil: 'networkidle' });
    await page.locator('#apply').waitFor();
    await expect(page.locator('#identity').innerText()).resolves.toContain('Nguyễn Thị Hồng Nhung');
    expect(await page.locator('#identity input').count()).toBe(0);
    await expect(page.locator('#insurance').innerText()).resolves.toContain('01/2026');
    expect(await page.inputValue('#lastEmployer-name')).toBe('Công ty TNHH Điện tử Biên Hòa');

    await page.fill('#terminationDate', '2026-01-15');
    await page.locator('#terminationDate').dispatchEvent('change');
    await page.locator('#estimate .big-number').waitFor();
    await expect(page.locator('#estimate').innerText()).resolves.toMatch(/5\.400\.000 đồng[\s\S]*4 tháng/);

    await page.selectOption('#terminationReason', 'contract_expired');
    await page.selectOption('#contractType', 'fixed_term');
    await page.fill('#lastEmployer-address', 'KCN Biên Hòa 2, Đồng Nai');
    await page.selectOption('#centerCode', 'DNA-BH');
    await page.selectOption('#payment-bankCode', 'VCB');
    await page.fill('#payment-accountNumber', '0123456789');
    await page.fill('#phone', '0912 345 678');
    await page.check('#declarationAccepted');
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();

    const field = page.locator('#payment-accountNumber');
    await page.locator('#payment-accountNumber-error').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.getAttribute('aria-describedby')).toBe('payment-accountNumber-error');
    await expect(page.locator('#payment-accountNumber-error').innerText()).resolves.toBe(
      'Số tài khoản không đúng định dạng của ngân hàng.',
    );
    expect(await field.inputValue()).toBe('0123456789');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'apply-errors-1280');

    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.locator('#stage-upload').waitFor();
    const posts = seen.filter((s) => s.method === 'POST' && s.path === '/api/v1/dossiers');
    expect(posts).toHaveLength(2);
    expect(posts[0].headers['idempotency-key']).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(posts[1].headers['idempotency-key']).toBe(posts[0].headers['idempotency-key']);
    expect(posts[1].body).toEqual({
      terminationDate: '2026-01-15',
      terminationReason: 'contract_expired',
      contractType: 'fixed_term',
      lastEmployer: {
        name: 'Công ty TNHH Điện tử Biên Hòa',
        taxCode: '3600123456',
        address: 'KCN Biên Hòa 2, Đồng Nai',
      },
      centerCode: 'DNA-BH',
      payment: { method: 'bank', bankCode: 'VCB', accountNumber: '0123456789', accountHolder: 'Nguyễn Thị Hồng Nhung' },
      phone: '0912345678',
      declarationAccepted: true,
    });

    await page.setInputFiles('#file', {
      name: 'quyet-dinh-thoi-viec.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
    });
    await page.getByRole('button', { name: 'Tải lên' }).click();
    await page.locator('#uploaded li', { hasText: 'quyet-dinh-thoi-viec.pdf' }).waitFor();
    const upload = seen.find((s) => s.path === '/api/v1/dossiers/d-1/attachments')!;
    expect(upload.headers['content-type']).toMatch(/^multipart\/form-data/);
    await page.getByRole('button', { name: 'Hoàn tất' }).click();
    await page.locator('#stage-done').waitFor();
    await expect(page.locator('[data-testid="dossier-code"]').innerText()).resolves.toBe('TCTN-DNA-2026-000123');
    await expect(page.locator('#done-facts').innerText()).resolves.toContain('03/03/2026');
    await page.setViewportSize(PHONE);
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'apply-done-360');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('apply: without a session the page offers VNeID login and comes back', async () => {
    const { page } = await browser.newPage(PHONE);
    await stubApi(page, {
      'GET /api/v1/me/profile': () => ({ status: 401, json: { status: 401, title: 'Chưa xác thực' } }),
    });
    await page.goto(app.baseUrl + '/ho-so/nop', { waitUntil: 'networkidle' });
    await page.locator('#login-required').waitFor();
    expect(await page.getAttribute('#login-link', 'href')).toBe('/auth/eid/login?returnTo=%2Fho-so%2Fnop');
    expect(await page.locator('#apply').isHidden()).toBe(true);
    await page.close();
  });

  it('my dossier: timeline, decision download, verify link', async () => {
    const { page, errors } = await browser.newPage(DESKTOP);
    const decided = {
      ...dossier,
      status: 'APPROVED',
      statusLabel: 'Đã có quyết định hưởng',
      decision: {
        number: '1234/QĐ-SNV',
        issuedAt: '2026-02-25T15:00:00+07:00',
        kind: 'approval',
        sha256: 'cd'.repeat(32),
        verificationCode: 'VX7K2P9Q',
        verifyUrl: '/verify/VX7K2P9Q',
      },
    };
    await stubApi(page, {
      'GET /api/v1/dossiers/d-1': () => ({ json: decided }),
      'GET /api/v1/dossiers': () => ({ json: { items: [decided] } }),
    });
    await page.goto(app.baseUrl + '/ho-so', { waitUntil: 'networkidle' });
    await page.getByRole('link', { name: 'TCTN-DNA-2026-000123' }).click();
    await page.locator('#detail').waitFor();
    expect(await page.locator('#timeline li').count()).toBe(3);
    expect(await page.getAttribute('[data-testid="decision-download"]', 'href')).toBe(
      '/api/v1/dossiers/d-1/decision/pdf',
    );
    expect(await page.getAttribute('a[href="/verify/VX7K2P9Q"]', 'href')).toBe('/verify/VX7K2P9Q');
    expect(await page.locator('#withdraw').isHidden()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'dossier-1280');
    await page.setViewportSize(PHONE);
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'dossier-360');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('my dossier: withdraw asks for confirmation and sends expectedVersion', async () => {
    const { page } = await browser.newPage(DESKTOP);
    const seen = await stubApi(page, {
      'GET /api/v1/dossiers/d-1': () => ({ json: dossier }),
      'POST /api/v1/dossiers/d-1/withdraw': () => ({
        json: { ...dossier, status: 'WITHDRAWN', statusLabel: 'Đã rút hồ sơ' },
      }),
    });
    await page.goto(app.baseUrl + '/ho-so/d-1', { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Rút hồ sơ' }).click();
    await page.locator('#withdraw-confirm-error').waitFor();
    expect(seen.some((s) => s.path.endsWith('/withdraw'))).toBe(false);
    await page.check('#withdraw-confirm');
    await Promise.all([
      page.waitForRequest((r) => r.url().endsWith('/withdraw')),
      page.getByRole('button', { name: 'Rút hồ sơ' }).click(),
    ]);
    await page.locator('#status', { hasText: 'Đã rút hồ sơ.' }).waitFor();
    expect(seen.find((s) => s.path.endsWith('/withdraw'))!.body).toEqual({ expectedVersion: 7 });
    await page.close();
  });

  it('calculator: a valid form posts the contract request and shows the result', async () => {
    const { page, errors } = await browser.newPage(DESKTOP);
    const seen = await stubApi(page, { 'POST /api/v1/eligibility/assessments': () => ({ json: assessment }) });
    await page.goto(app.baseUrl + '/tinh-tro-cap', { waitUntil: 'networkidle' });
    await page.fill('#terminationDate', '2026-01-15');
    await page.fill('#filingDate', '2026-02-02');
    await page.selectOption('#terminationReason', 'contract_expired');
    await page.selectOption('#contractType', 'fixed_term');
    await page.fill('#salary', '9.000.000');
    await page.fill('#months', '50');
    await page.getByRole('button', { name: 'Tính thử' }).click();
    await page.locator('[data-testid="monthly-benefit"]').waitFor();
    await expect(page.locator('[data-testid="monthly-benefit"]').innerText()).resolves.toBe('5.400.000 đồng');
    const body = seen.find((s) => s.path === '/api/v1/eligibility/assessments')!.body;
    expect(body).toMatchObject({
      terminationDate: '2026-01-15',
      filingDate: '2026-02-02',
      salaryRegime: 'employer',
      zone: 'I',
      priorReservedMonths: 0,
    });
    expect(body.contributions).toHaveLength(50);
    expect(body.contributions[49]).toEqual({ month: '2026-01', salary: 9000000 });
    expect(body.contributions[0]).toEqual({ month: '2021-12', salary: 9000000 });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'calculator-result-1280');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('verify: a valid decision shows number, date, issuer, masked holder and SHA-256', async () => {
    const { page } = await browser.newPage(PHONE);
    await stubApi(page, {
      'GET /api/v1/public/decisions/VX7K2P9Q': () => ({
        json: {
          valid: true,
          decisionNumber: '1234/QĐ-SNV',
          issuedAt: '2026-02-25',
          issuer: 'Sở Nội vụ tỉnh Đồng Nai',
          holderName: 'Ng*** Th* H*** Nh***',
          sha256: 'cd'.repeat(32),
          status: 'valid',
        },
      }),
    });
    await page.goto(app.baseUrl + '/verify/VX7K2P9Q', { waitUntil: 'networkidle' });
    await page.locator('[data-testid="verify-verdict"]').waitFor();
    await expect(page.locator('[data-testid="verify-verdict"]').innerText()).resolves.toBe('Hợp lệ');
    await expect(page.locator('#verify-result').innerText()).resolves.toMatch(
      /1234\/QĐ-SNV[\s\S]*25\/02\/2026[\s\S]*Sở Nội vụ tỉnh Đồng Nai[\s\S]*Ng\*\*\*/,
    );
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'verify-valid-360');
    await page.close();
  });

  it('staff: login keeps the token in sessionStorage; the queue highlights overdue work, orders by due date, filters and pages by cursor', async () => {
    const { page, errors } = await browser.newPage(DESKTOP);
    const item = (n: number, extra: object) => ({
      id: `d-${n}`,
      code: `TCTN-DNA-2026-00010${n}`,
      status: 'SUBMITTED',
      statusLabel: 'Mới nộp',
      fullName: `Người nộp ${n}`,
      personalId: `07509000010${n}`,
      filedAt: '2026-02-02T08:00:00+07:00',
      dueDate: `2026-03-0${n}`,
      overdue: false,
      dueSoon: false,
      channel: 'online',
      ...extra,
    });
    const seen = await stubApi(page, {
      'POST /api/v1/auth/staff/login': (_r, body) =>
        body.password === 'dung'
          ? { json: { accessToken: 'tok-123', expiresIn: 3600 } }
          : { status: 401, json: { status: 401, title: 'Chưa xác thực' } },
      'GET /api/v1/staff/dossiers': (route) => {
        const url = new URL(route.request().url());
        if (url.searchParams.get('limit') === '100') return { json: { items: [item(1, {})], nextCursor: null } };
        return url.searchParams.get('cursor')
          ? { json: { items: [item(4, {})], nextCursor: null } }
          : { json: { items: [item(3, { dueSoon: true }), item(1, { overdue: true })], nextCursor: 'c2' } };
      },
    });
    await page.goto(app.baseUrl + '/can-bo/dang-nhap?returnTo=%2Fcan-bo', { waitUntil: 'networkidle' });
    await page.fill('#username', 'tiepnhan.bh');
    await page.fill('#password', 'sai');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.locator('#error').innerText()).resolves.toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    await page.fill('#password', 'dung');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/can-bo$/);
    await page.locator('#queue-rows tr.overdue').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('tctn.staffToken'))).toContain('tok-123');
    const queueCall = seen.find((s) => s.path.startsWith('/api/v1/staff/dossiers?') && s.path.includes('limit=20'))!;
    expect(queueCall.headers.authorization).toBe('Bearer tok-123');
    const codes = await page.locator('#queue-rows td:first-child').allInnerTexts();
    expect(codes).toEqual(['TCTN-DNA-2026-000101', 'TCTN-DNA-2026-000103']);
    await expect(page.locator('#queue-rows tr.overdue').innerText()).resolves.toContain('Quá hạn');
    await page.getByRole('button', { name: 'Xem thêm' }).click();
    await page.locator('#queue-rows tr', { hasText: 'TCTN-DNA-2026-000104' }).waitFor();
    expect(seen.some((s) => s.path.includes('cursor=c2'))).toBe(true);
    expect(await page.locator('#more').isHidden()).toBe(true);
    await page.locator('#dashboard .count', { hasText: '1' }).first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'staff-queue-1280');
    await page.setViewportSize(PHONE);
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'staff-queue-360');

    await page.selectOption('#f-status', 'RECEIVED');
    await page.selectOption('#f-deadline', 'overdue');
    await page.fill('#f-q', 'Nhung');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.waitForURL(/status=RECEIVED/);
    expect(seen.some((s) => /status=RECEIVED&overdue=true&q=Nhung/.test(s.path))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('staff: dossier actions come from allowedActions with their fields and send expectedVersion; a stale version reloads', async () => {
    const { page, errors } = await browser.newPage(DESKTOP);
    const staffView = {
      ...dossier,
      overdue: false,
      dueSoon: true,
      registry: {
        population: { fullName: 'Nguyễn Thị Hồng Nhung' },
        insurance: {
          socialInsuranceNumber: '7512345678',
          salaryRegime: 'employer',
          usedMonths: [],
          reservedMonths: 0,
          contributions: [
            { month: '2026-01', salary: 9000000, employerName: 'Công ty TNHH Điện tử Biên Hòa', zone: 'I' },
          ],
        },
      },
      allowedActions: [
        { action: 'complete_review', label: 'Hoàn thành thẩm định', fields: ['recommendation', 'note'] },
        { action: 'request_supplement', label: 'Yêu cầu bổ sung', fields: ['items', 'note'] },
      ],
    };
    let actions = 0;
    const seen = await stubApi(page, {
      'GET /api/v1/staff/dossiers/d-1': () => ({
        json:
          actions >= 2
            ? { ...staffView, version: 8, status: 'REVIEWED', statusLabel: 'Đã thẩm định', allowedActions: [] }
            : staffView,
      }),
      'POST /api/v1/staff/dossiers/d-1/actions': () => {
        actions += 1;
        return actions === 1
          ? {
              status: 409,
              json: { status: 409, title: 'Hồ sơ đã được cập nhật bởi người khác', code: 'stale_version' },
            }
          : { json: { ...staffView, version: 8, status: 'REVIEWED' } };
      },
    });
    await page.goto(app.baseUrl + '/can-bo/dang-nhap', { waitUntil: 'networkidle' });
    await page.evaluate(() =>
      sessionStorage.setItem('tctn.staffToken', JSON.stringify({ token: 'tok-123', expiresAt: null })),
    );
    await page.goto(app.baseUrl + '/can-bo/ho-so/d-1', { waitUntil: 'networkidle' });
    await page.locator('#detail').waitFor();
    expect(await page.locator('#actions form').count()).toBe(2);
    expect(await page.locator('form[data-action="complete_review"] input[name="recommendation"]').count()).toBe(2);
    expect(await page.locator('form[data-action="request_supplement"] textarea[name="items"]').count()).toBe(1);
    await expect(page.locator('#assessment').innerText()).resolves.toContain('5.400.000 đồng');
    await expect(page.locator('#registry').innerText()).resolves.toContain('7512345678');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'staff-dossier-1280');

    await page.locator('form[data-action="request_supplement"] button').click();
    await page.locator('#request_supplement-items-error').waitFor();
    expect(actions).toBe(0);

    await page.check('#complete_review-recommendation-deny');
    await page.fill('#complete_review-note', 'Thiếu 1 tháng đóng.');
    await page.locator('form[data-action="complete_review"] button').click();
    await expect(page.locator('#error').innerText()).resolves.toContain('Hồ sơ đã được cập nhật bởi người khác');
    await page.locator('form[data-action="complete_review"] button').click();
    await page.locator('[data-testid="dossier-status"]', { hasText: 'Đã thẩm định' }).waitFor();
    const posts = seen.filter((s) => s.method === 'POST');
    expect(posts[1].body).toEqual({ action: 'complete_review', expectedVersion: 7, recommendation: 'approve' });
    expect(posts[0].body).toEqual({
      action: 'complete_review',
      expectedVersion: 7,
      recommendation: 'deny',
      note: 'Thiếu 1 tháng đóng.',
    });
    expect(posts[0].headers.authorization).toBe('Bearer tok-123');
    await page.setViewportSize(PHONE);
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'staff-dossier-360');
    expect(errors).toEqual([]);
    await page.close();
  });
});
