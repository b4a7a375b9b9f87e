import { h, replace, focusRegion } from './dom.js';
import { staffSession, api } from './api.js';
import { problemText } from './api.js';

export function setStatus(text) {
  const el = document.getElementById('status');
  if (el) el.textContent = text || '';
}

export function showError(textOrResult) {
  const el = document.getElementById('error');
  if (!el) return;
  const text = typeof textOrResult === 'string' ? textOrResult : problemText(textOrResult);
  el.textContent = text;
  el.hidden = false;
  el.focus();
}

export function clearError() {
  const el = document.getElementById('error');
  if (el) {
    el.hidden = true;
    el.textContent = '';
  }
}

/** Shows the "log in with VNeID" panel, coming back to this page afterwards. */
export function showCitizenLogin() {
  setStatus('');
  const panel = document.getElementById('login-required');
  const link = document.getElementById('login-link');
  const returnTo = location.pathname + location.search;
  if (link) link.href = `/auth/eid/login?returnTo=${encodeURIComponent(returnTo)}`;
  if (panel) {
    panel.hidden = false;
    focusRegion(panel.querySelector('h2') || panel);
  }
}

/** Header: the citizen is logged in (a cookie-authenticated call succeeded). */
export function citizenSignedIn(name) {
  const account = document.getElementById('account');
  if (!account) return;
  const form = h(
    'form',
    { method: 'post', action: '/auth/logout' },
    h('button', { type: 'submit', class: 'btn btn-light btn-small' }, 'Đăng xuất'),
  );
  replace(account, name ? h('span', { class: 'account-name' }, name) : null, form);
}

/** Staff pages: without a token go to the login page, coming back here afterwards. */
export function requireStaff() {
  if (staffSession.token) {
    renderStaffAccount();
    return true;
  }
  location.assign(`/can-bo/dang-nhap?returnTo=${encodeURIComponent(location.pathname + location.search)}`);
  return false;
}

export function staffSignedOut() {
  staffSession.clear();
  location.assign(`/can-bo/dang-nhap?returnTo=${encodeURIComponent(location.pathname + location.search)}`);
}

function renderStaffAccount() {
  const account = document.getElementById('account');
  if (!account) return;
  const button = h('button', { type: 'button', class: 'btn btn-light btn-small' }, 'Đăng xuất');
  button.addEventListener('click', async () => {
    // End the session on the server too: the token stops working even if a copy of it survives.
    await api('/auth/logout', { method: 'POST', staff: true });
    staffSession.clear();
    location.assign('/can-bo/dang-nhap');
  });
  const claims = staffSession.claims;
  for (const item of document.querySelectorAll('[data-staff-role]')) item.hidden = !item.dataset.staffRole.split(' ').includes(claims.role);
  replace(account, h('span', { class: 'account-name' }, claims.name || staffSession.username || 'Cán bộ', claims.role ? ` · ${ROLE_LABELS[claims.role] || claims.role}` : ''), button);
}

export const ROLE_LABELS = { receiver: 'Tiếp nhận', reviewer: 'Thẩm định', center_head: 'Giám đốc trung tâm', director: 'Giám đốc Sở', admin: 'Quản trị' };

/** Marks the navigation link of the current page. */
export function markCurrentNav() {
  const path = location.pathname.replace(/\/+$/, '') || '/';
  for (const a of document.querySelectorAll('.site-nav a')) {
    if (a.getAttribute('href') === path) a.setAttribute('aria-current', 'page');
  }
}

/** Runs a staff API call; a 401 sends the officer back to the login page. */
export async function staffApi(path, options = {}) {
  const result = await api(path, { ...options, staff: true });
  if (result.status === 401) staffSignedOut();
  return result;
}

/** The header's VNeID link comes back to the page it was clicked on (from the landing page: "Hồ sơ của tôi"). */
function headerLoginReturns() {
  const link = document.querySelector('#account a[href="/auth/eid/login"]');
  if (!link) return;
  const here = location.pathname === '/' ? '/ho-so' : location.pathname + location.search;
  link.href = `/auth/eid/login?returnTo=${encodeURIComponent(here)}`;
}

markCurrentNav();
headerLoginReturns();
