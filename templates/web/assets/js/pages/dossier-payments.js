// The citizen's benefit months on the dossier page: pending, paid (amount, date) or failed (why), and the form
// that corrects the payment account (POST …/payment-account), after which the failed months are pending again.
import { api } from '../lib/api.js';
import { $, focusRegion, h, pageData, replace } from '../lib/dom.js';
import { busy, clearErrors, showErrors } from '../lib/forms.js';
import { date, money } from '../lib/format.js';

const path = `/api/v1/dossiers/${encodeURIComponent(pageData().id)}`;

const STATUS = {
  pending: 'Chờ chi trả',
  paid: 'Đã chi trả',
  failed: 'Chưa chi trả được',
};

function row(p, onFix) {
  const detail =
    p.status === 'paid'
      ? `${money(p.amount)}, chi trả ngày ${date(p.paidAt)}`
      : p.status === 'failed'
        ? [h('span', {}, `Lý do: ${p.failureReason || 'cơ quan bảo hiểm xã hội chưa nêu lý do'}`), ' ', h('button', { type: 'button', class: 'btn btn-secondary btn-small', onclick: onFix }, 'Sửa tài khoản nhận tiền')]
        : `${money(p.amount)}, sẽ chi trả từ ${date(p.from)}`;
  return h(
    'li',
    { class: `payment payment-${p.status}`, 'data-testid': `payment-${p.month}`, 'data-status': p.status },
    h('strong', {}, `Tháng ${p.month}`),
    ` (${date(p.from)} – ${date(p.to)}): `,
    h('span', { class: 'payment-status' }, STATUS[p.status] || p.status),
    ' · ',
    detail,
  );
}

function render(list) {
  $('#payments').hidden = list.length === 0;
  replace($('#payments-list'), h('ul', { class: 'payment-list' }, list.map((p) => row(p, openForm))));
}

function openForm() {
  const form = $('#payment-account-form');
  form.hidden = false;
  $('#pa-accountNumber').focus();
}

async function submit(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const summary = $('#payment-account-error');
  clearErrors(form, summary);
  const body = {
    method: 'bank',
    bankCode: $('#pa-bankCode').value,
    accountNumber: $('#pa-accountNumber').value.trim(),
    accountHolder: $('#pa-accountHolder').value.trim(),
  };
  const res = await busy(form.querySelector('button[type="submit"]'), () => api(`${path}/payment-account`, { method: 'POST', body }));
  if (!res.ok) {
    const problem = res.problem || {};
    const errors = problem.errors && problem.errors.length ? problem.errors : [{ message: problem.detail || problem.title }];
    return showErrors(form, errors, summary, 'Không lưu được tài khoản nhận tiền.');
  }
  form.hidden = true;
  form.reset();
  render(res.data.payments || []);
  const months = res.data.retryMonths || [];
  const notice = $('#payments-notice');
  notice.textContent = months.length
    ? `Đã lưu tài khoản mới. ${months.map((m) => `Tháng ${m}`).join(', ')} sẽ được chi trả lại vào tài khoản này.`
    : 'Đã lưu tài khoản mới. Các tháng sau sẽ được chi trả vào tài khoản này.';
  notice.hidden = false;
  focusRegion(notice);
}

async function load() {
  const res = await api(`${path}/payments`);
  if (!res.ok || !Array.isArray(res.data)) return;
  render(res.data);
}

$('#payment-account-form').addEventListener('submit', submit);
$('#payment-account-cancel').addEventListener('click', () => {
  $('#payment-account-form').hidden = true;
});
load();
