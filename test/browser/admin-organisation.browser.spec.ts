/// <reference lib="dom" />
import { PNG } from 'pngjs';
import { DataSource } from 'typeorm';
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
import { loginAsStaff, publicUrl, sandboxStaff } from './support/flows';

/** The administrator's centers and signers pages against the real API (docs/centers-and-signers.md). */
describe('administration pages: centers and signers', () => {
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

  it('adds, edits and closes a center; field errors next to the controls; accessible; fits a phone', async () => {
    const admin = (await sandboxStaff(app)).find((s) => s.role === 'admin')!;
    const { page, errors } = await browser.newPage(DESKTOP);
    await loginAsStaff(page, publicUrl(app), admin);
    await page.goto(`${publicUrl(app)}/quan-tri/trung-tam`, { waitUntil: 'domcontentloaded' });
    await page.locator('#center-rows tr[data-code="DNA-BH"]').waitFor();

    await page.getByLabel('Mã trung tâm').fill('DNA-NT');
    await page.getByLabel('Tên trung tâm').fill('Trung tâm Dịch vụ việc làm Đồng Nai – Nhơn Trạch');
    await page.getByLabel('Tỉnh, thành phố').fill('Đồng Nai');
    await page.getByLabel('Địa chỉ').fill('Số 3, đường Tôn Đức Thắng, Xã Nhơn Trạch, Tỉnh Đồng Nai');
    await page.getByLabel('Điện thoại').fill('0251 3800 104');
    await page.getByLabel('Giờ làm việc').fill('Thứ Hai đến Thứ Sáu, 7 giờ 30 – 17 giờ 00');
    // 75001 is served by DNA-BH already: refused, and said next to the communes field.
    await page.getByLabel('Mã xã, phường phục vụ').fill('75950, 75001');
    await page.getByRole('button', { name: 'Thêm trung tâm' }).click();
    await expect(page.locator('.field-error').first().innerText()).resolves.toContain('75001');
    expect(await page.getByLabel('Mã xã, phường phục vụ').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Mã xã, phường phục vụ').fill('75950');
    await page.getByRole('button', { name: 'Thêm trung tâm' }).click();
    const row = page.locator('#center-rows tr[data-code="DNA-NT"]');
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('75950');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'admin-centers-1280');

    await row.getByRole('button', { name: /^Sửa/ }).click();
    await page.getByLabel('Điện thoại').fill('0251 3800 999');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.locator('#status', { hasText: 'Đã lưu trung tâm DNA-NT' }).waitFor();
    await row.locator('text=0251 3800 999').waitFor();

    await row.getByRole('button', { name: /^Đóng cửa/ }).click();
    await page.getByLabel('Trung tâm tiếp nhận hồ sơ').selectOption('DNA-BH');
    await page.getByLabel('Lý do (căn cứ quyết định)').fill('Sáp nhập vào Trung tâm Biên Hòa từ ngày 01/01/2027');
    await page.getByRole('button', { name: 'Đóng cửa và chuyển hồ sơ' }).click();
    await page.locator('#status', { hasText: /Đã đóng cửa DNA-NT: chuyển 0 hồ sơ/ }).waitFor();
    await row.locator('text=Đã đóng cửa').waitFor();
    const [closed] = await app.app
      .get(DataSource)
      .query(`SELECT active, successor_code FROM service_center WHERE code = 'DNA-NT'`);
    expect(closed).toEqual({ active: false, successor_code: 'DNA-BH' });

    await page.setViewportSize(PHONE);
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('adds a Deputy Director for a day, refuses an overlapping period on its field, uploads a signature image', async () => {
    const admin = (await sandboxStaff(app)).find((s) => s.role === 'admin')!;
    const { page, errors } = await browser.newPage(DESKTOP);
    await loginAsStaff(page, publicUrl(app), admin);
    await page.goto(`${publicUrl(app)}/quan-tri/nguoi-ky`, { waitUntil: 'domcontentloaded' });
    await page.locator('#s-scope option[value="DNA-BH"]').waitFor({ state: 'attached' });

    await page.getByLabel('Ký cho').selectOption('department');
    await page.getByLabel(/Phó Giám đốc ký thay/).check();
    await page.getByLabel('Họ và tên').fill('Nguyễn Thị Kiều Oanh');
    await page.getByLabel('Từ ngày').fill('2027-03-02');
    await page.getByLabel(/^Đến ngày/).fill('2027-03-06');
    await page.getByRole('button', { name: 'Thêm người ký' }).click();
    const deputy = page.locator('#signer-rows tr', { hasText: 'Nguyễn Thị Kiều Oanh' });
    await deputy.waitFor();
    await expect(deputy.innerText()).resolves.toContain('KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC');

    // The Director from a day inside the deputy's period: refused, said at "Từ ngày".
    await page.getByLabel(/Giám đốc \(GIÁM ĐỐC\)/).check();
    await page.getByLabel('Họ và tên').fill('Trần Đức Hải');
    await page.getByLabel('Từ ngày').fill('2027-03-06');
    await page.getByRole('button', { name: 'Thêm người ký' }).click();
    await expect(page.locator('#s-validFrom-error').innerText()).resolves.toContain('Trùng thời gian ký');
    await page.getByLabel('Từ ngày').fill('2027-03-07');
    await page.getByRole('button', { name: 'Thêm người ký' }).click();
    await page.locator('#signer-rows tr', { hasText: 'Trần Đức Hải' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'admin-signers-1280');

    await deputy.getByRole('button', { name: /^Ảnh chữ ký/ }).click();
    const png = new PNG({ width: 200, height: 80 });
    for (let x = 10; x < 190; x += 1) png.data.set([20, 40, 160, 255], (40 * 200 + x) * 4);
    await page.setInputFiles('#i-png', { name: 'chu-ky.png', mimeType: 'image/png', buffer: PNG.sync.write(png) });
    await page.getByRole('button', { name: 'Tải lên' }).click();
    await page.locator('#status', { hasText: 'Đã lưu ảnh chữ ký của Nguyễn Thị Kiều Oanh' }).waitFor();
    await deputy.locator('text=Đã có ảnh chữ ký').waitFor();

    await page.setViewportSize(PHONE);
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('tells a caseworker the page is for administrators (the API refuses them too)', async () => {
    const receiver = (await sandboxStaff(app)).find((s) => s.role === 'receiver')!;
    const { page } = await browser.newPage(DESKTOP);
    await loginAsStaff(page, publicUrl(app), receiver);
    await page.goto(`${publicUrl(app)}/quan-tri/nguoi-ky`, { waitUntil: 'domcontentloaded' });
    await expect(page.locator('#error').innerText()).resolves.toContain('dành cho quản trị viên');
    expect(await page.locator('#admin-page').isHidden()).toBe(true);
    await page.close();
  });
});
