import { api } from './api.js';
import { focusRegion, h, replace } from './dom.js';
import { busy, clearErrors, showErrors } from './forms.js';
import { date, dateTime } from './format.js';

/**
 * "Chuyển nơi hưởng" on the dossier page (Luật Việc làm 2025, Điều 41 khoản 1): where the citizen's latest request
 * stands (GET /api/v1/dossiers/{id}/transfer), and the request form (province from GET /api/v1/transfers/provinces,
 * reason, new address) while the benefit runs and no request is open. A refusal shows its reason.
 */
const STATUSES = {
  requested: 'Đang chờ trung tâm xem xét',
  approved: 'Trung tâm đã đồng ý, đang chuyển hồ sơ sang tỉnh mới',
  refused: 'Trung tâm không đồng ý chuyển',
  accepted: 'Đã chuyển xong',
  rejected: 'Tỉnh mới không nhận hồ sơ',
  cancelled: 'Không chuyển vì đã chấm dứt hưởng trợ cấp',
};
const RUNNING = ['not_started', 'active', 'suspended'];

export async function renderBenefitTransfer(section, dossierId, benefitStatus) {
  const path = `/api/v1/dossiers/${encodeURIComponent(dossierId)}`;
  const [current, provinces] = await Promise.all([api(`${path}/transfer`), api('/api/v1/transfers/provinces')]);
  const request = current.ok ? current.data : null;
  const open = request && (request.status === 'requested' || request.status === 'approved');
  const canAsk = RUNNING.includes(benefitStatus) && !open;
  section.hidden = !request && !canAsk;
  if (section.hidden) return;
  const list = provinces.ok ? provinces.data : [];
  replace(
    section,
    h('h2', { id: 'transfer-title' }, 'Chuyển nơi hưởng trợ cấp sang tỉnh khác'),
    request ? status(request) : null,
    canAsk
      ? list.length
        ? form(path, list, section, dossierId, benefitStatus)
        : h('p', { 'data-testid': 'transfer-unavailable' }, 'Hiện chưa thể chuyển nơi hưởng qua hệ thống. Nếu bạn chuyển đến tỉnh khác, bạn vui lòng liên hệ trung tâm dịch vụ việc làm đang chi trả cho bạn.')
      : null,
    h('div', { id: 'transfer-receipt', role: 'status', 'aria-live': 'polite' }),
  );
}

function status(r) {
  return h(
    'div',
    { 'data-testid': 'transfer-status', 'data-status': r.status },
    h('p', { class: ['refused', 'rejected', 'cancelled'].includes(r.status) ? 'alert alert-warn' : 'lead' }, `${STATUSES[r.status] || r.status}: ${r.toProvince.name}.`),
    h('p', { class: 'muted' }, `Bạn gửi yêu cầu lúc ${dateTime(r.requestedAt)}. Địa chỉ mới: ${r.newAddress}.`),
    r.refusalReason ? h('p', { 'data-testid': 'transfer-refusal' }, h('strong', {}, 'Lý do: '), r.refusalReason) : null,
    r.status === 'accepted'
      ? h('p', {}, `Từ tháng hưởng thứ ${r.handOverFromMonth}, bạn thông báo tìm kiếm việc làm và nhận trợ cấp tại ${r.toProvince.name} (mã hồ sơ mới ${r.receivingDossierCode}, ngày ${date((r.completedAt || '').slice(0, 10))}).`)
      : null,
  );
}

function form(path, provinces, section, dossierId, benefitStatus) {
  const summary = h('div', { class: 'error-summary', id: 'transfer-error', tabindex: '-1', hidden: true }, h('p', {}, 'Yêu cầu chưa được gửi:'), h('ul'));
  const field = (id, label, control) => h('div', { class: 'field' }, h('label', { for: id }, label), control);
  const el = h(
    'form',
    { id: 'transfer-form', class: 'form', novalidate: true },
    h('p', { class: 'muted' }, 'Khi bạn chuyển chỗ ở sang tỉnh khác trong thời gian hưởng, bạn có thể đề nghị chuyển nơi hưởng. Tỉnh mới nhận thông báo tìm kiếm việc làm của bạn từ tháng có hạn thông báo tiếp theo.'),
    summary,
    field('transfer-toProvince', 'Tỉnh, thành phố nơi chuyển đến', h('select', { id: 'transfer-toProvince', name: 'toProvince' }, provinces.map((p) => h('option', { value: p.provinceCode }, p.name)))),
    field('transfer-newAddress', 'Địa chỉ nơi ở mới', h('input', { type: 'text', id: 'transfer-newAddress', name: 'newAddress', autocomplete: 'street-address', maxlength: 300 })),
    field('transfer-reason', 'Lý do chuyển', h('input', { type: 'text', id: 'transfer-reason', name: 'reason', maxlength: 500 })),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn-primary' }, 'Gửi yêu cầu chuyển nơi hưởng')),
  );
  el.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(el, summary);
    const value = (name) => el.elements[name].value.trim();
    const body = { toProvince: value('toProvince'), newAddress: value('newAddress'), reason: value('reason') };
    const missing = [
      ['newAddress', 'Vui lòng nhập địa chỉ nơi ở mới.'],
      ['reason', 'Vui lòng nêu lý do chuyển nơi hưởng.'],
    ].filter(([key]) => !body[key]);
    if (missing.length) return showErrors(el, missing.map(([field, message]) => ({ field, message })), summary);
    const button = el.querySelector('button[type="submit"]');
    const res = await busy(button, () => api(`${path}/transfer`, { method: 'POST', body }));
    if (!res.ok) {
      const errors = Array.isArray(res.problem.errors) && res.problem.errors.length ? res.problem.errors : [{ field: 'toProvince', message: res.problem.detail || res.problem.title }];
      return showErrors(el, errors, summary);
    }
    await renderBenefitTransfer(section, dossierId, benefitStatus);
    focusRegion(section);
  });
  return el;
}
