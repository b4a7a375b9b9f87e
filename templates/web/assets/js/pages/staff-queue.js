import { $, h, replace } from '../lib/dom.js';
import { catalog } from '../lib/catalog.js';
import { channelLabel, date } from '../lib/format.js';
import { statusLabel } from '../lib/format.js';
import { busy } from '../lib/forms.js';
import { clearError, requireStaff, setStatus, showError, staffApi } from '../lib/page.js';

const PAGE_SIZE = 20;
const form = $('#filter-form');
const rows = $('#queue-rows');
const more = $('#more');
let cursor = null;
// The search text may be a personal ID: it stays out of URLs (page and API) and so out of access logs and history.
const SEARCH_KEY = 'tctn.queueSearch';

function filters() {
  const p = new URLSearchParams(location.search);
  return { status: p.get('status') || '', deadline: p.get('deadline') || '', q: sessionStorage.getItem(SEARCH_KEY) || '' };
}

/** The same filters as a JSON body for POST /api/v1/staff/dossiers/search. */
function searchOf(f, extra = {}) {
  const body = {};
  if (f.status) body.status = f.status;
  if (f.deadline === 'overdue') body.overdue = 'true';
  if (f.deadline === 'dueSoon') body.dueSoon = 'true';
  if (f.q) body.q = f.q;
  for (const [k, v] of Object.entries(extra)) if (v !== null && v !== undefined) body[k] = String(v);
  return body;
}

function dueCell(item) {
  return h(
    'td',
    { 'data-label': 'Hạn xử lý' },
    date(item.dueDate) || '—',
    item.overdue ? [' ', h('span', { class: 'badge badge-err' }, 'Quá hạn')] : item.dueSoon ? [' ', h('span', { class: 'badge badge-warn' }, 'Sắp đến hạn')] : null,
  );
}

function row(item) {
  return h(
    'tr',
    { class: item.overdue ? 'overdue' : item.dueSoon ? 'due-soon' : '' },
    h('td', { 'data-label': 'Mã hồ sơ' }, h('a', { href: `/can-bo/ho-so/${encodeURIComponent(item.id)}` }, item.code || item.id)),
    h('td', { 'data-label': 'Người nộp' }, item.fullName || '', item.personalId ? h('div', { class: 'muted' }, item.personalId) : null),
    h('td', { 'data-label': 'Trạng thái' }, statusLabel(item.status, item.statusLabel)),
    h('td', { 'data-label': 'Ngày nộp' }, date(item.filedAt)),
    dueCell(item),
    h('td', { 'data-label': 'Kênh' }, channelLabel(item.channel)),
  );
}

async function loadPage(reset) {
  const f = filters();
  if (reset) {
    cursor = null;
    replace(rows);
  }
  setStatus('Đang tải hồ sơ…');
  const res = await staffApi('/api/v1/staff/dossiers/search', { method: 'POST', body: searchOf(f, { cursor, limit: PAGE_SIZE }) });
  setStatus('');
  if (!res.ok) return showError(res);
  // {items, nextCursor}: already in due-date order (keyset paging on the server).
  const items = (res.data && res.data.items) || [];
  rows.append(...items.map(row));
  cursor = (res.data && res.data.nextCursor) || null;
  more.hidden = !cursor;
  if (!rows.children.length) rows.append(h('tr', {}, h('td', { colspan: '6' }, 'Không có hồ sơ nào phù hợp.')));
  setStatus(`Đang hiển thị ${rows.querySelectorAll('tr a').length} hồ sơ${cursor ? ', còn hồ sơ khác' : ''}.`);
}

/** Counts per status by walking the queue (capped): the API has no count endpoint yet. */
async function count(query) {
  let total = 0;
  let next = null;
  for (let page = 0; page < 5; page++) {
    const res = await staffApi(`/api/v1/staff/dossiers?${query}&limit=100${next ? `&cursor=${encodeURIComponent(next)}` : ''}`);
    if (!res.ok) return null;
    total += ((res.data && res.data.items) || []).length;
    next = res.data && res.data.nextCursor;
    if (!next) return String(total);
  }
  return `${total}+`;
}

async function loadDashboard() {
  const list = $('#dashboard');
  const tiles = [
    { label: 'Quá hạn', query: 'overdue=true', href: '/can-bo?deadline=overdue' },
    ...Object.entries(catalog.statuses).map(([code, label]) => ({ label, query: `status=${code}`, href: `/can-bo?status=${code}` })),
  ];
  replace(list, tiles.map((t) => h('li', {}, h('a', { href: t.href }, h('span', { class: 'count', 'data-count': t.query }, '…'), h('span', { class: 'label' }, t.label)))));
  await Promise.all(
    tiles.map(async (t) => {
      const value = await count(t.query);
      const el = list.querySelector(`[data-count="${t.query}"]`);
      if (el) el.textContent = value === null ? '—' : value;
    }),
  );
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearError();
  const q = new URLSearchParams();
  for (const name of ['status', 'deadline']) {
    const value = form.elements[name].value.trim();
    if (value) q.set(name, value);
  }
  const search = form.elements.q.value.trim();
  if (search) sessionStorage.setItem(SEARCH_KEY, search);
  else sessionStorage.removeItem(SEARCH_KEY);
  history.replaceState(null, '', `/can-bo${q.toString() ? `?${q}` : ''}`);
  void loadPage(true);
});

more.addEventListener('click', () => {
  const firstNew = rows.children.length;
  void busy(more, () => loadPage(false)).then(() => {
    const link = rows.children[firstNew] && rows.children[firstNew].querySelector('a');
    if (link) link.focus();
  });
});

if (requireStaff()) {
  const f = filters();
  form.elements.status.value = f.status;
  form.elements.deadline.value = f.deadline;
  form.elements.q.value = f.q;
  $('#queue-page').hidden = false;
  void loadPage(true);
  void loadDashboard();
}
