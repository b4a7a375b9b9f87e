import { $, facts } from '../lib/dom.js';
import { centerLabel } from '../lib/centers.js';
import { busy, clearErrors, showErrors } from '../lib/forms.js';
import { ROLE_NAMES, accountBody, accountErrors, prepareAccountForm } from '../lib/staff-account-form.js';
import { clearError, requireStaff, setStatus, showError, staffApi } from '../lib/page.js';

const page = $('#account-page');
const username = page.dataset.username;
const form = $('#account-form');
const actionForm = $('#action-form');
const summary = $('#error-summary');
const path = `/api/v1/admin/staff/${encodeURIComponent(username)}`;
let formReady;

function when(iso) {
  return new Intl.DateTimeFormat('vi-VN', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(iso));
}

function render(a) {
  facts($('#account-state'), [
    ['Họ và tên', a.fullName],
    ['Vai trò', ROLE_NAMES[a.role] || a.role],
    ['Đơn vị', a.centerCode ? centerLabel(a.centerCode) : 'Sở Nội vụ'],
    ['Tình trạng', a.active ? 'Đang hoạt động' : 'Đã khóa'],
    ['Mật khẩu', a.mustChangePassword ? 'Chờ cán bộ đổi mật khẩu dùng một lần' : 'Đã đặt'],
    ['Xác thực hai lớp', a.twoFactor.enabled ? 'Đã đăng ký' : a.twoFactor.required ? 'Bắt buộc, chưa đăng ký' : 'Không dùng'],
    ['Khóa đăng nhập sai', a.lockedUntil ? `Đến ${when(a.lockedUntil)}` : 'Không'],
    ['Tài khoản thử nghiệm', a.sandbox ? 'Có' : ''],
  ]);
  for (const name of ['fullName', 'title', 'role', 'centerCode', 'phone', 'email', 'employeeNumber'])
    form.querySelector(`[name="${name}"]`).value = a[name] || '';
  form.querySelector('[name="reason"]').value = '';
  formReady.sync();
}

async function load() {
  formReady = await prepareAccountForm(form);
  const res = await staffApi(path);
  if (!res.ok) return showError(res);
  page.hidden = false;
  setStatus('');
  render(res.data);
}

function done(text) {
  const box = $('#done');
  box.textContent = text;
  box.hidden = false;
  box.focus();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearError();
  $('#done').hidden = true;
  const body = accountBody(form, { editing: true });
  const errors = accountErrors(body, { editing: true });
  if (errors.length) return showErrors(form, errors, summary);
  clearErrors(form, summary);
  const res = await busy(form.querySelector('button[type="submit"]'), () => staffApi(path, { method: 'PATCH', body }));
  if (res.ok) {
    render(res.data);
    return done('Đã lưu thay đổi. Nếu vai trò hoặc đơn vị thay đổi, cán bộ phải đăng nhập lại.');
  }
  if (Array.isArray(res.problem.errors) && res.problem.errors.length) showErrors(form, res.problem.errors, summary);
  else showError(res);
});

const DONE = {
  deactivate: 'Đã khóa tài khoản. Mọi phiên đăng nhập của tài khoản đã kết thúc.',
  reactivate: 'Đã mở lại tài khoản.',
  'reset-password': 'Đã cấp lại mật khẩu dùng một lần. Mọi phiên đăng nhập cũ đã kết thúc.',
  'reset-two-factor': 'Đã hủy đăng ký xác thực hai lớp; cán bộ sẽ đăng ký lại ở lần đăng nhập tới.',
  unlock: 'Đã mở khóa đăng nhập.',
};

actionForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearError();
  $('#done').hidden = true;
  $('#one-time').hidden = true;
  const action = actionForm.elements.namedItem('operation').value;
  const reason = actionForm.reason.value.trim();
  if (reason.length < 5) {
    showErrors(actionForm, [{ field: 'reason', message: 'Vui lòng ghi lý do (ít nhất 5 ký tự).' }], null);
    actionForm.reason.focus();
    return;
  }
  clearErrors(actionForm, null);
  const res = await busy(actionForm.querySelector('button[type="submit"]'), () =>
    staffApi(`${path}/${action}`, { method: 'POST', body: { reason } }),
  );
  if (!res.ok) {
    if (Array.isArray(res.problem.errors) && res.problem.errors.length) showErrors(actionForm, res.problem.errors, null);
    return showError(res);
  }
  actionForm.reason.value = '';
  const reloaded = await staffApi(path);
  if (reloaded.ok) render(reloaded.data);
  if (res.data && res.data.oneTimePassword) {
    $('#one-time-password').textContent = res.data.oneTimePassword;
    $('#one-time').hidden = false;
  }
  done(DONE[action]);
});

if (requireStaff()) load();
