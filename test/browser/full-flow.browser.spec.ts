/// <reference lib="dom" />
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { runTool } from '../support/debian-tools';
import { startTestApp, TestApp } from '../support/test-app';
import { DESKTOP, launchBrowser, screenshot, seriousA11yViolations, TestBrowser } from './support/browser';
import {
  loginAsStaff,
  loginOnSandboxEid,
  publicUrl,
  sandboxResidents,
  sandboxStaff,
  SandboxStaff,
} from './support/flows';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/**
 * The whole procedure in Chromium against the real server (no API fakes): a sandbox citizen logs in through the
 * sandbox e-ID page, sees the prefilled identity and the estimate, files and uploads; the staff of the citizen's
 * center move the dossier with the buttons drawn from `allowedActions` (receive → start_review → complete_review →
 * propose), the director approves; the documents worker issues the signed decision; the citizen downloads it (a
 * PDF whose signature pdfsig validates) and the public verify page says it is valid.
 */
describe('full online flow in Chromium', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let base: string;

  beforeAll(async () => {
    app = await startTestApp();
    base = publicUrl(app);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function expectAccessible(page: Page) {
    expect(await seriousA11yViolations(page)).toEqual([]);
  }

  it('citizen files, staff decide, citizen downloads a signed decision that verifies', async () => {
    const resident = (await sandboxResidents(app)).find((r) => r.scenario === 'eligible')!;
    const staff = await sandboxStaff(app);
    const centerCode = 'DNA-BH';
    const account = (role: string): SandboxStaff => {
      const found = staff.find((s) => s.role === role && (role === 'director' || s.centerCode === centerCode));
      if (!found) throw new Error(`no sandbox ${role} for ${centerCode}`);
      return found;
    };

    // Citizen: VNeID login through the sandbox provider's page, back on the application form.
    const { page: citizen, errors } = await browser.newPage(DESKTOP);
    await citizen.goto(`${base}/`, { waitUntil: 'domcontentloaded' });
    await screenshot(citizen, 'flow-01-landing');
    await expectAccessible(citizen);
    await citizen.locator('.hero').getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();
    await citizen.waitForURL(/\/sandbox\/eid\/interaction\//);
    await screenshot(citizen, 'flow-02-sandbox-eid');
    await loginOnSandboxEid(citizen, resident.personalId, /\/ho-so\/nop$/);

    // Identity and contributions come prefilled from the registries (read-only); the estimate from the registry too.
    await citizen.locator('#apply').waitFor();
    await expect(citizen.locator('#identity').innerText()).resolves.toContain(resident.fullName);
    await expect(citizen.locator('#identity').innerText()).resolves.toContain(resident.personalId);
    expect(await citizen.locator('#identity input').count()).toBe(0);
    await expect(citizen.locator('#insurance').innerText()).resolves.toMatch(/Tổng số tháng đã đóng\s+\d+ tháng/);
    expect(await citizen.inputValue('#lastEmployer-name')).not.toBe('');
    const [year, month, day] = resident.suggestedTerminationDate.split('-');
    await citizen.fill('#terminationDate-day', day);
    await citizen.fill('#terminationDate-month', month);
    await citizen.fill('#terminationDate-year', year);
    await citizen.selectOption('#terminationReason', resident.suggestedTerminationReason);
    await citizen.selectOption('#contractType', resident.suggestedContractType);
    await citizen.locator('[data-testid="estimate-benefit"]').waitFor();
    await expect(citizen.locator('#estimate').innerText()).resolves.toMatch(/\d{1,3}(\.\d{3})+ đồng[\s\S]*\d+ tháng/);

    await citizen.fill('#lastEmployer-address', 'KCN Biên Hòa 2, phường Long Bình, tỉnh Đồng Nai');
    await citizen.selectOption('#centerCode', centerCode);
    await citizen.selectOption('#payment-bankCode', 'VCB');
    await citizen.fill('#payment-accountNumber', '0123456789');
    await citizen.fill('#phone', '0912 345 678');
    await screenshot(citizen, 'flow-03-apply');
    await expectAccessible(citizen);
    await citizen.getByRole('button', { name: 'Tiếp tục: giấy tờ' }).click();

    // Upload the termination proof before filing, check the answers, declare and file.
    await citizen.locator('#stage-upload:not([hidden])').waitFor();
    await citizen.selectOption('#kind', 'termination_proof');
    await citizen.setInputFiles('#file', {
      name: 'quyet-dinh-thoi-viec.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await citizen.getByRole('button', { name: 'Tải lên' }).click();
    await citizen.locator('#uploaded li', { hasText: 'giay-to-termination-proof-1.pdf' }).waitFor();
    await screenshot(citizen, 'flow-04-upload');
    await citizen.getByRole('button', { name: 'Tiếp tục: kiểm tra lại' }).click();
    await citizen.getByRole('button', { name: 'Tiếp tục: cam đoan và nộp' }).click();
    await citizen.check('#declarationAccepted');
    await citizen.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await citizen.locator('#stage-done:not([hidden])').waitFor();
    const code = (await citizen.locator('[data-testid="dossier-code"]').innerText()).trim();
    expect(code).toMatch(/^DNA-BH-\d{8}-\d{5}$/);
    await expect(citizen.locator('#done-facts').innerText()).resolves.toContain(
      'Trung tâm Dịch vụ việc làm Đồng Nai – Biên Hòa',
    );
    const detailHref = (await citizen.getAttribute('#done-link', 'href'))!;
    await screenshot(citizen, 'flow-05-filed');

    // Staff, role by role (each in its own tab: its own sessionStorage token), with the buttons allowedActions draws.
    const openDossier = async (role: string): Promise<Page> => {
      const { page } = await browser.newPage(DESKTOP);
      await loginAsStaff(page, base, account(role));
      await page.fill('#f-q', code);
      await page.getByRole('button', { name: 'Lọc' }).click();
      await page.getByRole('link', { name: code }).click();
      await page.locator('#detail').waitFor();
      return page;
    };
    const act = async (page: Page, action: string, next: string) => {
      const form = page.locator(`form[data-action="${action}"]`);
      await form.locator('button[type="submit"]').click();
      await page.locator('[data-testid="dossier-status"]', { hasText: next }).waitFor();
    };

    const receiver = await openDossier('receiver');
    expect(
      await receiver.locator('#actions form').evaluateAll((forms) => forms.map((f) => f.getAttribute('data-action'))),
    ).toEqual(['receive', 'request_supplement', 'reject_intake']);
    await expect(receiver.locator('#attachments').innerText()).resolves.toContain('giay-to-termination-proof-1.pdf');
    await screenshot(receiver, 'flow-06-staff-receive');
    await expectAccessible(receiver);
    await act(receiver, 'receive', 'Đã tiếp nhận');
    // The receipt slip is issued by the worker; staff download it through documents[].downloadUrl (staff route).
    await until(15_000, async () => {
      await receiver.reload({ waitUntil: 'domcontentloaded' });
      await receiver.locator('#detail').waitFor();
      return (await receiver.locator('#documents button').count()) > 0;
    });
    const [receipt] = await Promise.all([
      receiver.waitForEvent('download'),
      receiver.locator('#documents button', { hasText: 'Tải về' }).first().click(),
    ]);
    expect((await bytesOf(receipt)).subarray(0, 5).toString()).toBe('%PDF-');

    const reviewer = await openDossier('reviewer');
    await act(reviewer, 'start_review', 'Đang thẩm định');
    await reviewer.check('form[data-action="complete_review"] input[name="recommendation"][value="approve"]');
    await act(reviewer, 'complete_review', 'Đã thẩm định');

    const head = await openDossier('center_head');
    await act(head, 'propose', 'Đã trình Giám đốc Sở');

    const director = await openDossier('director');
    await screenshot(director, 'flow-07-staff-director');
    // Deciding for a person is confirmed once more.
    await director.locator('form[data-action="approve"] button[type="submit"]').click();
    await director.getByRole('button', { name: 'Xác nhận: Quyết định hưởng trợ cấp' }).click();
    await director.locator('[data-testid="dossier-status"]', { hasText: 'Đã có quyết định hưởng' }).waitFor();
    expect(await director.locator('#actions form').count()).toBe(0);

    // The citizen's dossier page shows the decision once the worker has issued it.
    await citizen.goto(`${base}${detailHref}`, { waitUntil: 'domcontentloaded' });
    await until(20_000, async () => {
      await citizen.reload({ waitUntil: 'domcontentloaded' });
      await citizen.locator('#decision:not([hidden])').waitFor();
      return (await citizen.locator('[data-testid="decision-download"]').count()) === 1;
    });
    const decisionNumber = (await citizen.locator('[data-testid="decision-number"]').innerText()).trim();
    expect(decisionNumber).toMatch(/^\d+\/QĐ-SNV$/);
    expect(await citizen.getAttribute('[data-testid="decision-download"]', 'href')).toBe(
      `${detailHref.replace('/ho-so/', '/api/v1/dossiers/')}/decision/pdf`,
    );
    await screenshot(citizen, 'flow-08-decision-citizen');
    await expectAccessible(citizen);
    const [download] = await Promise.all([
      citizen.waitForEvent('download'),
      citizen.locator('[data-testid="decision-download"]').click(),
    ]);
    const pdf = await bytesOf(download);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const file = join(mkdtempSync(join(tmpdir(), 'tctn-flow-')), 'quyet-dinh.pdf');
    writeFileSync(file, pdf);
    expect((await runTool('pdfsig', [file])).stdout).toContain('Signature is Valid.');

    // Anyone can verify it.
    const verifyHref = (await citizen.locator('#decision-body a[href^="/verify/"]').getAttribute('href'))!;
    await citizen.goto(`${base}${verifyHref}`, { waitUntil: 'domcontentloaded' });
    await citizen.locator('[data-testid="verify-verdict"]').waitFor();
    expect(await citizen.locator('[data-testid="verify-verdict"]').innerText()).toBe('Hợp lệ');
    await expect(citizen.locator('#verify-result').innerText()).resolves.toContain(decisionNumber);
    await screenshot(citizen, 'flow-09-verify');
    await expectAccessible(citizen);

    // Scanned from the printed QR code: the page also checks the signed payload and shows its key facts.
    await runTool('pdftoppm', ['-r', '300', '-f', '1', '-l', '1', '-png', file, `${file}-page`]);
    const qr = (await runTool('zbarimg', ['-q', '--raw', `${file}-page-1.png`])).stdout.trim();
    expect(qr).toContain(`${verifyHref}#v1.`);
    await citizen.goto(qr.replace(/^https?:\/\/[^/]+/, base), { waitUntil: 'domcontentloaded' });
    await citizen.locator('[data-testid="verify-offline"]').waitFor();
    expect(await citizen.locator('[data-testid="verify-offline"]').innerText()).toBe('Chữ ký đúng, khớp với hồ sơ lưu');
    const facts = await citizen.locator('#verify-result').innerText();
    // The document in its own words: a decision (not a receipt or a refusal notice), valid, with its full title.
    expect(await citizen.locator('#verify-result h2').innerText()).toBe('Quyết định hợp lệ');
    expect(facts).toMatch(/Văn bản\s+Quyết định về việc hưởng trợ cấp thất nghiệp/);
    expect(facts).toMatch(/Mức hưởng hằng tháng\s+[\d.]+ đồng/);
    expect(facts).toMatch(/Số tháng hưởng\s+\d+ tháng/);
    expect(facts).toContain('Đang có hiệu lực');

    // The Director revokes it from the dossier page: the verify page and the citizen's page then say so.
    const reason = 'Quyết định ban hành nhầm, sẽ ban hành lại.';
    await director.reload({ waitUntil: 'domcontentloaded' });
    const revokeForm = director.locator('form[data-action="revoke_decision"]');
    await revokeForm.waitFor();
    await revokeForm.locator('button[type="submit"]').click();
    await expect(revokeForm.locator('[aria-invalid="true"]').getAttribute('name')).resolves.toBe('reason');
    await revokeForm.locator('textarea[name="reason"]').fill(reason);
    await screenshot(director, 'flow-10-staff-revoke');
    await expectAccessible(director);
    await revokeForm.locator('button[type="submit"]').click();
    await director.getByRole('button', { name: 'Xác nhận thu hồi' }).click();
    await director.locator('[data-testid="decision-number"]', { hasText: 'đã thu hồi' }).waitFor();
    expect(await director.locator('form[data-action="revoke_decision"]').count()).toBe(0);
    await citizen.reload({ waitUntil: 'domcontentloaded' });
    await citizen.locator('[data-testid="verify-revoked-at"]').waitFor();
    expect(await citizen.locator('[data-testid="verify-verdict"]').innerText()).toBe('Đã thu hồi');
    await screenshot(citizen, 'flow-11-verify-revoked');
    await expectAccessible(citizen);
    await citizen.goto(`${base}${detailHref}`, { waitUntil: 'domcontentloaded' });
    await citizen.locator('[data-testid="decision-revoked"]').waitFor();
    await expect(citizen.locator('[data-testid="decision-revoked"]').innerText()).resolves.toContain(reason);
    expect(errors).toEqual([]);
  }, 240_000);
});

/** Retries `check` (each try reloads the page) until it holds or `ms` have passed. */
async function until(ms: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function bytesOf(download: { createReadStream(): Promise<NodeJS.ReadableStream> }): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
