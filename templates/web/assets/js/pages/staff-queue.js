import { $, h, replace } from '../lib/dom.js';
import { catalog } from '../lib/catalog.js';
import { channelLabel, date } from '../lib/format.js';
import { statusLabel } from '../lib/format.js';
import { busy } from '../lib/forms.js';
import { clearError, requireStaff, setStatus, showError, staffApi } from '../lib/page.js';
import { staffSession } from '../lib/api.js';

/** "Việc của tôi": the statuses each role acts on (the workflow table's `from` column, by role). */
const MY_WORK = {
  receiver: { statuses: ['SUBMITTED', 'APPROVED', 'DENIED'], note: 'Hồ sơ chờ tiếp nhận và kết quả chờ trả cho công dân.' },
  reviewer: { statuses: ['RECEIVED', 'IN_REVIEW'], note: 'Hồ sơ đã tiếp nhận, chờ hoặc đang thẩm định.' },
  center_head: { statuses: ['REVIEWED'], note: 'Hồ sơ đã thẩm định, chờ bạn trình Giám đốc Sở.' },
  director: { statuses: ['PROPOSED'], note: 'Hồ sơ đã trình, chờ bạn quyết định.' },
};

const PAGE_SIZE = 20;
const form = $('#filter-form');
const rows = $('#queue-rows');
const more = $('#more');
let cursor = null;
// The search text may be a personal ID: it stays out of URLs (page and API) and so out of access logs and history.
const SEARCH_KEY = 'tctn.queueSearch';

function myWork() {
  return MY_WORK[staffSession.claims.role] || null;
}

function filters() {
  const p = new URLSearchParams(location.search);
  const explicit = p.get('status') || p.get('deadline');
  const view = p.get('view') || (explicit || !myWork() ? 'all' : 'mine');
  return { view, status: p.get('status') || '', deadline: p.get('deadline') || '', q: sessionStorage.getItem(SEARCH_KEY) || '' };
}

/** The same filters as a JSON body for POST /api/v1/staff/dossiers/search. */
function searchOf(f, extra = {}) {
  const body = {};
  if (f.status) body.status = f.status;
  else if (f.view === 'mine' && myWork() && !f.q) body.status = myWork().statuses.join(',');
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

/** The tiles from one call (GET /api/v1/staff/dossiers/counts): the role's own statuses first. */
async function loadDashboard() {
  const list = $('#dashboard');
  const res = await staffApi('/api/v1/staff/dossiers/counts');
  const counts = res.ok && res.data ? res.data : null;
  const mine = myWork() ? myWork().statuses : [];
  const order = [...mine, ...Object.keys(catalog.statuses).filter((c) => !mine.includes(c))];
  const tiles = [
    { label: 'Quá hạn', value: counts ? counts.overdue : null, href: '/can-bo?deadline=overdue', key: 'overdue' },
    { label: 'Sắp đến hạn', value: counts ? counts.dueSoon : null, href: '/can-bo?deadline=dueSoon', key: 'dueSoon' },
    ...order.map((code) => ({ label: catalog.statuses[code], value: counts ? counts.byStatus[code] || 0 : null, href: `/can-bo?status=${code}`, key: code })),
  ];
  replace(
    list,
    tiles.map((t) => h('li', {}, h('a', { href: t.href }, h('span', { class: 'count', 'data-count': t.key }, t.value === null ? '—' : String(t.value)), h('span', { class: 'label' }, t.label)))),
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
  if (!q.toString()) q.set('view', filters().view);
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
  const work = myWork();
  $('#tab-mine').hidden = !work;
  const current = f.status || f.deadline ? null : f.view === 'mine' ? '#tab-mine' : '#tab-all';
  if (current) $(current).setAttribute('aria-current', 'page');
  $('#view-note').textContent = f.view === 'mine' && work && !f.status && !f.deadline ? `Việc của tôi: ${work.note}` : '';
  $('#queue-page').hidden = false;
  void loadPage(true);
  void loadDashboard();
}
