import { api, staffSession } from '../lib/api.js';
import { $, h, replace } from '../lib/dom.js';
import { busy, clearErrors, readForm, showErrors } from '../lib/forms.js';
import { clearError, showError } from '../lib/page.js';

const form = $('#login-form');

function returnTo() {
  const target = new URLSearchParams(location.search).get('returnTo');
  // Only same-site paths under /can-bo.
  return target && /^\/can-bo(\/|$)/.test(target) && !target.startsWith('//') ? target : '/can-bo';
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearError();
  const values = readForm(form);
  const errors = [];
  if (!values.username) errors.push({ field: 'username', message: 'Vui lòng nhập tên đăng nhập.' });
  if (!values.password) errors.push({ field: 'password', message: 'Vui lòng nhập mật khẩu.' });
  if (errors.length) {
    showErrors(form, errors, null);
    form.querySelector('[aria-invalid="true"]').focus();
    return;
  }
  clearErrors(form, null);
  const button = form.querySelector('button[type="submit"]');
  const res = await busy(button, () =>
    api('/api/v1/auth/staff/login', { method: 'POST', body: { username: values.username, password: values.password } }),
  );
  if (res.ok && res.data && res.data.accessToken) {
    staffSession.save(res.data.accessToken, res.data.expiresIn, values.username);
    location.assign(returnTo());
    return;
  }
  if (res.status === 400 && Array.isArray(res.problem.errors)) {
    showErrors(form, res.problem.errors, null);
    return;
  }
  if (res.status === 401) showError('Tên đăng nhập hoặc mật khẩu không đúng.');
  else showError(res);
});

// Sandbox only: list the test accounts so testers can log in.
const sandboxBox = document.getElementById('sandbox-staff');
if (sandboxBox) {
  api('/sandbox/staff').then((res) => {
    if (!res.ok || !Array.isArray(res.data)) return;
    const roles = { receiver: 'Tiếp nhận', reviewer: 'Thẩm định', center_head: 'Giám đốc trung tâm', director: 'Giám đốc Sở', admin: 'Quản trị' };
    replace(
      sandboxBox,
      h(
        'div',
        { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Tài khoản thử nghiệm' },
        h(
          'table',
          { class: 'table' },
          h('thead', {}, h('tr', {}, ['Tên đăng nhập', 'Mật khẩu', 'Vai trò', 'Đơn vị'].map((t) => h('th', { scope: 'col' }, t)))),
          h(
            'tbody',
            {},
            res.data.map((s) =>
              h('tr', {}, h('td', {}, h('code', {}, s.username)), h('td', {}, h('code', {}, s.password)), h('td', {}, roles[s.role] || s.role), h('td', {}, s.centerCode || 'Sở')),
            ),
          ),
        ),
      ),
    );
  });
}
