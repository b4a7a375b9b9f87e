import { $ } from '../lib/dom.js';
import { busy, clearErrors, showErrors } from '../lib/forms.js';
import { accountBody, accountErrors, prepareAccountForm } from '../lib/staff-account-form.js';
import { clearError, requireStaff, setStatus, showError, staffApi } from '../lib/page.js';

const form = $('#account-form');
const summary = $('#error-summary');

async function start() {
  await prepareAccountForm(form);
  $('#account-page').hidden = false;
  setStatus('');
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearError();
  const body = accountBody(form, { editing: false });
  const errors = accountErrors(body, { editing: false });
  if (errors.length) return showErrors(form, errors, summary);
  clearErrors(form, summary);
  const res = await busy(form.querySelector('button[type="submit"]'), () =>
    staffApi('/api/v1/admin/staff', { method: 'POST', body }),
  );
  if (res.ok) {
    form.hidden = true;
    const created = $('#created');
    $('#created-username').textContent = res.data.account.username;
    $('#created-password').textContent = res.data.oneTimePassword;
    $('#created-2fa').hidden = !res.data.account.twoFactor.required;
    $('#created-link').href = `/quan-tri/tai-khoan/${encodeURIComponent(res.data.account.username)}`;
    created.hidden = false;
    created.focus();
    return;
  }
  if (Array.isArray(res.problem.errors) && res.problem.errors.length) showErrors(form, res.problem.errors, summary);
  else showError(res);
});

if (requireStaff()) start();
