import { $, h, replace } from '../lib/dom.js';
import { centerLabel, loadCenters } from '../lib/centers.js';
import { ROLE_NAMES } from '../lib/staff-account-form.js';
import { clearError, requireStaff, setStatus, showError, staffApi } from '../lib/page.js';

const form = $('#filter-form');
const rows = $('#account-rows');

function filters() {
  const p = new URLSearchParams(location.search);
  return { q: p.get('q') || '', role: p.get('role') || '', active: p.get('active') || '' };
}

async function load() {
  const f = filters();
  form.q.value = f.q;
  form.role.value = f.role;
  form.active.value = f.active;
  const query = new URLSearchParams(Object.entries(f).filter(([, v]) => v));
  setStatus('Đang tải danh sách tài khoản…');
  const [res] = await Promise.all([staffApi(`/api/v1/admin/staff?${query}`), loadCenters()]);
  if (!res.ok) {
    setStatus('');
    showError(res);
    return;
  }
  clearError();
  $('#accounts-page').hidden = false;
  const items = res.data.items;
  replace(
    rows,
    items.length
      ? items.map((a) =>
          h(
            'tr',
            {},
            h('td', {}, h('a', { href: `/quan-tri/tai-khoan/${encodeURIComponent(a.username)}` }, a.username)),
            h('td', {}, a.fullName),
            h('td', {}, ROLE_NAMES[a.role] || a.role),
            h('td', {}, a.centerCode ? centerLabel(a.centerCode) : 'Sở Nội vụ'),
            h('td', {}, a.twoFactor.enabled ? 'Đã đăng ký' : a.twoFactor.required ? 'Bắt buộc, chưa đăng ký' : 'Không dùng'),
            h('td', {}, !a.active ? 'Đã khóa' : a.lockedUntil ? 'Tạm khóa do đăng nhập sai' : a.mustChangePassword ? 'Chờ đổi mật khẩu' : 'Đang hoạt động'),
          ),
        )
      : h('tr', {}, h('td', { colspan: '6' }, 'Không có tài khoản phù hợp.')),
  );
  setStatus(`Có ${items.length} tài khoản.`);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const query = new URLSearchParams();
  for (const name of ['q', 'role', 'active']) if (form[name].value.trim()) query.set(name, form[name].value.trim());
  history.replaceState(null, '', `${location.pathname}${query.size ? `?${query}` : ''}`);
  load();
});

if (requireStaff()) load();
