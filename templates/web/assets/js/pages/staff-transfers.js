import { $, facts, focusRegion, h, replace } from '../lib/dom.js';
import { busy, clearErrors, showErrors } from '../lib/forms.js';
import { dateTime } from '../lib/format.js';
import { staffSession } from '../lib/api.js';
import { clearError, requireStaff, setStatus, showError, staffApi } from '../lib/page.js';

// Transfer requests awaiting the paying center (docs/transfer.md): GET /api/v1/staff/transfers, approve, refuse.
const DECIDERS = ['center_head', 'director'];

/** What a decided request reads as, by its status after the call. */
const OUTCOME = {
  approved: (t) => `Đã đồng ý chuyển. Hồ sơ và quyết định hưởng đang được gửi đến ${t.toProvince.name}.`,
  accepted: (t) => `Đã đồng ý chuyển. ${t.toProvince.name} đã tiếp nhận${t.receivingDossierCode ? ` (hồ sơ ${t.receivingDossierCode})` : ''}.`,
  rejected: (t) => `Đã đồng ý chuyển, nhưng ${t.toProvince.name} không tiếp nhận${t.refusalReason ? `: ${t.refusalReason}` : '.'}`,
  refused: (t) => `Đã từ chối. Lý do gửi công dân: ${t.refusalReason || ''}`,
  cancelled: () => 'Yêu cầu đã bị hủy.',
};

function who(t) {
  return t.fullName || 'Công dân';
}

function item(t) {
  const reasonId = `refuse-reason-${t.id}`;
  const refuseForm = h(
    'form',
    { class: 'form', novalidate: true, 'aria-label': `Từ chối yêu cầu của ${who(t)}` },
    h(
      'div',
      { class: 'field' },
      h('label', { for: reasonId }, 'Lý do từ chối (gửi cho công dân)'),
      h('textarea', { id: reasonId, name: 'reason', rows: '3', maxlength: '500' }),
    ),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn-danger' }, 'Từ chối')),
  );
  const approve = h('button', { type: 'button', class: 'btn btn-primary' }, 'Đồng ý chuyển');
  const li = h(
    'li',
    { class: 'panel transfer-item', 'data-id': t.id, 'data-testid': 'transfer-request' },
    h('h3', {}, who(t)),
    facts(h('dl', { class: 'facts' }), [
      ['Mã hồ sơ', t.dossierCode ? h('a', { href: `/can-bo/ho-so/${encodeURIComponent(t.dossierId)}` }, t.dossierCode) : h('a', { href: `/can-bo/ho-so/${encodeURIComponent(t.dossierId)}` }, 'Xem hồ sơ')],
      ['Chuyển đến', t.toProvince.name],
      ['Lý do', t.reason],
      ['Địa chỉ nơi ở mới', t.newAddress],
      ['Ngày đề nghị', dateTime(t.requestedAt)],
    ]),
    h('div', { class: 'actions' }, approve),
    refuseForm,
  );
  approve.addEventListener('click', () => decide(li, t, approve, `/api/v1/staff/transfers/${encodeURIComponent(t.id)}/approve`, {}, null));
  refuseForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const reason = refuseForm.elements.reason.value.trim();
    decide(li, t, refuseForm.querySelector('button[type="submit"]'), `/api/v1/staff/transfers/${encodeURIComponent(t.id)}/refuse`, { reason }, refuseForm);
  });
  return li;
}

async function decide(li, t, button, path, body, form) {
  clearError();
  if (form) clearErrors(form);
  const res = await busy(button, () => staffApi(path, { method: 'POST', body }));
  if (!res.ok) {
    const errors = (res.problem && res.problem.errors) || [];
    if (form && errors.length) return showErrors(form, errors, null);
    if (res.status === 409) {
      // Someone decided it meanwhile: the list is stale.
      showError(res);
      return load();
    }
    return showError(res);
  }
  const decided = res.data;
  const text = (OUTCOME[decided.status] || (() => decided.status))(decided);
  li.remove();
  updateCount();
  const result = h(
    'li',
    { class: `panel transfer-item ${decided.status === 'refused' ? 'attention' : 'success'}`, 'data-testid': 'transfer-decided', 'data-status': decided.status },
    h('h3', {}, `${who(t)}${t.dossierCode ? ` · ${t.dossierCode}` : ''}`),
    h('p', {}, text),
  );
  $('#decided').prepend(result);
  $('#decided-section').hidden = false;
  setStatus(`${who(t)}: ${text}`);
  focusRegion(result.querySelector('h3'));
}

function updateCount() {
  const n = $('#pending').children.length;
  $('#pending-count').textContent = `(${n})`;
  $('#pending-empty').hidden = n > 0;
}

async function load() {
  setStatus('Đang tải yêu cầu chuyển nơi hưởng…');
  const res = await staffApi('/api/v1/staff/transfers');
  setStatus('');
  if (!res.ok) return showError(res);
  replace($('#pending'), res.data.map(item));
  updateCount();
}

if (requireStaff()) {
  if (!DECIDERS.includes(staffSession.claims.role)) {
    showError('Trang này dành cho Giám đốc trung tâm và Giám đốc Sở.');
  } else {
    $('#transfers-page').hidden = false;
    void load();
  }
}
