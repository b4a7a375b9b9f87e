import { api, staffSession } from '../lib/api.js';
import { $, h, replace } from '../lib/dom.js';
import { busy, clearErrors, readForm, showErrors } from '../lib/forms.js';
import { clearError, setStatus, showError } from '../lib/page.js';

const form = $('#login-form');

function returnTo() {
  const target = new URLSearchParams(location.search).get('returnTo');
  // Only same-site paths under /can-bo or /quan-tri; an administrator lands on the accounts page.
  if (target && /^\/(can-bo|quan-tri)(\/|$)/.test(target) && !target.startsWith('//')) return target;
  return staffSession.claims.role === 'admin' ? '/quan-tri/tai-khoan' : '/can-bo';
}

// Back from the province's identity provider: the token came in the URL fragment (never sent to a server).
const fragment = new URLSearchParams(location.hash.slice(1));
if (fragment.get('oidc_token')) {
  const back = fragment.get('returnTo');
  history.replaceState(null, '', location.pathname + (back ? `?returnTo=${encodeURIComponent(back)}` : ''));
  staffSession.save(fragment.get('oidc_token'), Number(fragment.get('expiresIn')), fragment.get('username'));
  location.replace(returnTo());
}

// What the login still owes, as the server's 401 `reason` said: the steps show one after the other.
const state = { step: 'password', username: '', password: '', enrolmentToken: null };
const sections = {
  password: $('#step-password'),
  newPassword: $('#step-new-password'),
  enrol: $('#step-enrol'),
  otp: $('#step-otp'),
};

function showStep(step, problem) {
  state.step = step;
  sections.password.hidden = step !== 'password';
  sections.newPassword.hidden = step !== 'new-password';
  sections.enrol.hidden = step !== 'enrol';
  sections.otp.hidden = step !== 'enrol' && step !== 'otp';
  $('#otp').value = '';
  $('#login-submit').textContent = step === 'password' ? 'Đăng nhập' : 'Tiếp tục';
  if (step === 'enrol') {
    const { secret, qrSvg } = problem.enrolment;
    $('#enrol-qr').src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrSvg)}`;
    $('#enrol-secret').textContent = secret.replace(/(.{4})/g, '$1 ').trim();
    state.enrolmentToken = problem.enrolment.enrolmentToken;
  }
  if (step !== 'password') setStatus(problem.detail || problem.title);
  const first = { 'new-password': '#newPassword', enrol: '#otp', otp: '#otp' }[step];
  if (first) $(first).focus();
}

function validate(values) {
  const errors = [];
  if (state.step === 'password') {
    if (!values.username) errors.push({ field: 'username', message: 'Vui lòng nhập tên đăng nhập.' });
    if (!values.password) errors.push({ field: 'password', message: 'Vui lòng nhập mật khẩu.' });
  } else if (state.step === 'new-password') {
    if (!values.newPassword) errors.push({ field: 'newPassword', message: 'Vui lòng nhập mật khẩu mới.' });
    else if (values.newPassword !== values.newPasswordAgain)
      errors.push({ field: 'newPasswordAgain', message: 'Hai lần nhập mật khẩu mới không giống nhau.' });
  } else if (!values.otp) errors.push({ field: 'otp', message: 'Vui lòng nhập mã xác thực.' });
  return errors;
}

function finish(data) {
  staffSession.save(data.accessToken, data.expiresIn, state.username);
  if (!Array.isArray(data.recoveryCodes)) {
    location.assign(returnTo());
    return;
  }
  form.hidden = true;
  clearError();
  const panel = $('#recovery-codes');
  replace($('#recovery-list'), data.recoveryCodes.map((c) => h('li', {}, h('code', {}, c))));
  panel.hidden = false;
  panel.focus();
  $('#recovery-done').addEventListener('click', () => location.assign(returnTo()));
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearError();
  // Read the raw password fields: spaces inside a passphrase are part of it.
  const values = { ...readForm(form), password: $('#password').value, newPassword: $('#newPassword').value, newPasswordAgain: $('#newPasswordAgain').value };
  const errors = validate(values);
  if (errors.length) {
    showErrors(form, errors, null);
    form.querySelector('[aria-invalid="true"]').focus();
    return;
  }
  clearErrors(form, null);
  if (state.step === 'password') {
    state.username = values.username;
    state.password = values.password;
  }
  const body = { username: state.username, password: state.password };
  if (state.step === 'new-password') body.newPassword = values.newPassword;
  if (state.step === 'enrol') body.enrolmentToken = state.enrolmentToken;
  if (state.step === 'enrol' || state.step === 'otp') body.otp = values.otp;
  const button = form.querySelector('button[type="submit"]');
  const res = await busy(button, () => api('/api/v1/auth/staff/login', { method: 'POST', body }));
  if (res.ok && res.data && res.data.accessToken) return finish(res.data);
  // The new password was accepted by the server before it asked for the next step: it is now the password.
  if (state.step === 'new-password' && res.status === 401 && res.problem.reason && res.problem.reason !== 'password_change_required')
    state.password = values.newPassword;
  if (res.status === 400 && Array.isArray(res.problem.errors)) {
    showErrors(form, res.problem.errors, null);
    const invalid = form.querySelector('[aria-invalid="true"]');
    if (invalid) invalid.focus();
    else showError(res);
    return;
  }
  const reason = res.status === 401 ? res.problem.reason : undefined;
  if (reason === 'password_change_required') return showStep('new-password', res.problem);
  if (reason === 'two_factor_enrolment_required') return showStep('enrol', res.problem);
  if (reason === 'two_factor_required') return showStep('otp', res.problem);
  if (reason === 'two_factor_invalid' || reason === 'account_locked') {
    showError(res.problem.detail);
    return;
  }
  if (res.status === 401) {
    showStep('password', res.problem);
    showError('Tên đăng nhập hoặc mật khẩu không đúng.');
  } else showError(res);
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
