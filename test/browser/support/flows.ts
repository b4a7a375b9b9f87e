/// <reference lib="dom" />
import { Page } from 'playwright-core';
import { TestApp } from '../../support/test-app';

export interface SandboxResident {
  personalId: string;
  fullName: string;
  scenario: string;
  suggestedTerminationDate: string;
  suggestedTerminationReason: string;
  suggestedContractType: string;
}

export interface SandboxStaff {
  username: string;
  password: string;
  role: string;
  centerCode: string | null;
}

/**
 * The URL the browser uses: PUBLIC_BASE_URL (the e-ID redirect URI and the host-only login cookie are on that host,
 * docs/identity.md), not the loopback address the test process talks to.
 */
export function publicUrl(app: TestApp): string {
  return app.runtime.config.publicBaseUrl;
}

export async function sandboxResidents(app: TestApp): Promise<SandboxResident[]> {
  return (await fetch(`${app.baseUrl}/sandbox/residents`)).json() as Promise<SandboxResident[]>;
}

export async function sandboxStaff(app: TestApp): Promise<SandboxStaff[]> {
  return (await fetch(`${app.baseUrl}/sandbox/staff`)).json() as Promise<SandboxStaff[]>;
}

/**
 * The real citizen login: the page's "Đăng nhập bằng VNeID" link → our /auth/eid/login → the sandbox e-ID provider's
 * login page (its form: `personalId` text field or a `selectedPersonalId` radio, one submit) → /auth/eid/callback →
 * back to `returnTo` with the session cookie.
 */
export async function loginOnSandboxEid(page: Page, personalId: string, returnTo: RegExp): Promise<void> {
  await page.waitForURL(/\/sandbox\/eid\/interaction\//);
  await page.fill('#personalId', personalId);
  await page.locator('#login-form button[type="submit"]').click();
  await page.waitForURL(returnTo);
}

/** The staff login page (POST /api/v1/auth/staff/login; the token stays in this tab's sessionStorage). */
export async function loginAsStaff(page: Page, base: string, account: SandboxStaff): Promise<void> {
  await page.goto(`${base}/can-bo/dang-nhap`, { waitUntil: 'domcontentloaded' });
  await page.fill('#username', account.username);
  await page.fill('#password', account.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  // Administrators land on their accounts page, everyone else on the work queue.
  await page.waitForURL(account.role === 'admin' ? /\/quan-tri\/tai-khoan$/ : /\/can-bo$/);
}
