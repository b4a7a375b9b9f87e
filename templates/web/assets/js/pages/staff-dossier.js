import { $, facts, focusRegion, h, pageData, replace } from '../lib/dom.js';
import { renderAssessment } from '../lib/assessment.js';
import { renderTimeline } from '../lib/dossier-view.js';
import { centerLabel, loadCenters } from '../lib/centers.js';
import { address, bytes, channelLabel, contractLabel, date, dateTime, kindLabel, money, reasonLabel, sexLabel, statusLabel } from '../lib/format.js';
import { busy, clearErrors, readForm, showErrors } from '../lib/forms.js';
import { monthLabel } from '../lib/profile.js';
import { staffSession } from '../lib/api.js';
import { clearError, requireStaff, setStatus, showError, staffApi } from '../lib/page.js';

const id = pageData().id;
const path = `/api/v1/staff/dossiers/${encodeURIComponent(id)}`;
let dossier = null;

const FIELD_LABELS = {
  note: 'Ghi chú',
  recommendation: 'Đề xuất',
  reason: 'Lý do',
  items: 'Giấy tờ cần bổ sung (mỗi dòng một mục)',
  overrideReason: 'Lý do điều chỉnh kết quả tự động',
};

async function load() {
  setStatus('Đang tải hồ sơ…');
  const [res] = await Promise.all([staffApi(path), loadCenters()]);
  setStatus('');
  if (res.status === 404) return showError('Không tìm thấy hồ sơ, hoặc hồ sơ không thuộc đơn vị của bạn.');
  if (!res.ok) return showError(res);
  render(res.data);
}

function render(d) {
  dossier = d;
  $('#dossier-code').textContent = d.code || '';
  document.title = `Hồ sơ ${d.code || ''} · Cán bộ xử lý`;
  const app = d.application || {};
  const applicant = d.applicant || {};
  facts($('#summary'), [
    ['Trạng thái', h('strong', { 'data-testid': 'dossier-status' }, statusLabel(d.status, d.statusLabel))],
    ['Hạn xử lý', [date(d.dueDate) || '—', d.overdue ? [' ', h('span', { class: 'badge badge-err' }, 'Quá hạn')] : d.dueSoon ? [' ', h('span', { class: 'badge badge-warn' }, 'Sắp đến hạn')] : null]],
    ['Ngày nộp', dateTime(d.filedAt)],
    ['Ngày tiếp nhận', dateTime(d.receivedAt)],
    ['Kênh nộp', channelLabel(d.channel)],
    ['Trạng thái trên Cổng DVCQG', d.portalStatusCode ? String(d.portalStatusCode) : ''],
    ['Phiên bản', d.version === undefined ? '' : String(d.version)],
    ['Quyết định', d.decision ? h('span', { 'data-testid': 'decision-number' }, `Số ${d.decision.number}${d.decision.status === 'revoked' ? ' (đã thu hồi)' : ''} · `, h('a', { href: `/verify/${encodeURIComponent(d.decision.verificationCode)}` }, 'kiểm tra')) : ''],
    ['Cảnh báo', Array.isArray(d.flags) && d.flags.length ? d.flags.map((f) => h('span', { class: 'badge badge-warn', title: f.code }, f.label || f.code)) : ''],
    ['Văn bản chưa phát hành', Array.isArray(d.issuance) && d.issuance.length ? d.issuance.map((j) => issuanceLine(j)) : ''],
    ['Giấy tờ còn thiếu', Array.isArray(d.missingDocuments) && d.missingDocuments.length ? h('span', { 'data-testid': 'missing-documents', class: 'badge badge-err' }, d.missingDocuments.map((m) => m.label).join('; ')) : ''],
  ]);
  facts($('#applicant'), [
    ['Họ và tên', applicant.fullName],
    ['Số định danh cá nhân', d.personalId],
    ['Ngày sinh', date(applicant.dateOfBirth)],
    ['Giới tính', sexLabel(applicant.sex)],
    ['Nơi thường trú', address(applicant.permanentAddress)],
  ]);
  const payment = app.payment || {};
  facts($('#application'), [
    ['Ngày chấm dứt hợp đồng', date(app.terminationDate)],
    ['Lý do', reasonLabel(app.terminationReason)],
    ['Loại hợp đồng', contractLabel(app.contractType)],
    ['Đơn vị cuối cùng', app.lastEmployer ? [app.lastEmployer.name, app.lastEmployer.taxCode ? ` (MST ${app.lastEmployer.taxCode})` : ''].join('') : ''],
    ['Địa chỉ đơn vị', app.lastEmployer && app.lastEmployer.address],
    ['Vùng', app.zone],
    ['Nơi nộp', centerLabel(app.centerCode)],
    ['Nhận tiền', payment.method === 'bank' ? `Chuyển khoản ${payment.bankCode || ''} · ${payment.accountNumber || ''} · ${payment.accountHolder || ''}` : payment.method === 'cash' ? 'Tiền mặt' : ''],
    ['Điện thoại', app.phone],
    ['Thư điện tử', app.email],
  ]);
  renderRegistry(d.registry || {}, applicant);
  replace($('#assessment'), renderAssessment(d.assessment));
  renderFiles(d);
  renderTimeline($('#timeline'), d.history);
  renderActions(d);
  $('#detail').hidden = false;
}

/** The registry's pension facts (Luật Việc làm 74/2025 Điều 38 k.1 a: already eligible → no benefit). */
function pensionLine(ins) {
  if (!ins.socialInsuranceNumber) return '';
  const p = ins.pension;
  if (!p) return 'Cơ sở dữ liệu bảo hiểm không ghi nhận (coi như chưa đủ điều kiện hưởng lương hưu)';
  const years = typeof p.insuredYears === 'number' ? `, ${p.insuredYears} năm đóng bảo hiểm xã hội` : '';
  return `${p.eligible ? 'Đã đủ điều kiện hưởng lương hưu' : 'Chưa đủ điều kiện hưởng lương hưu'}${years}`;
}

function renderRegistry(registry, applicant) {
  const pop = registry.population || {};
  const ins = registry.insurance || {};
  const rows = Array.isArray(ins.contributions) ? ins.contributions.slice(-36).reverse() : [];
  replace(
    $('#registry'),
    facts(h('dl', { class: 'facts' }), [
      ['Họ tên theo CSDL dân cư', pop.fullName && pop.fullName !== applicant.fullName ? `${pop.fullName} (khác với hồ sơ)` : pop.fullName],
      ['Mã số BHXH', ins.socialInsuranceNumber],
      ['Chế độ tiền lương', ins.salaryRegime === 'state' ? 'Theo thang bảng lương Nhà nước' : ins.salaryRegime === 'employer' ? 'Do người sử dụng lao động quyết định' : ''],
      ['Số tháng đã dùng cho lần hưởng trước', Array.isArray(ins.usedMonths) ? `${ins.usedMonths.length} tháng` : ''],
      ['Số tháng bảo lưu', ins.reservedMonths === undefined ? '' : `${ins.reservedMonths} tháng`],
      ['Điều kiện hưởng lương hưu', pensionLine(ins)],
    ]),
    rows.length
      ? h(
          'div',
          { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Quá trình đóng bảo hiểm thất nghiệp' },
          h(
            'table',
            { class: 'table stack' },
            h('caption', {}, `Quá trình đóng bảo hiểm thất nghiệp (${rows.length} tháng gần nhất)`),
            h('thead', {}, h('tr', {}, ['Tháng', 'Tiền lương', 'Đơn vị', 'Vùng'].map((t) => h('th', { scope: 'col' }, t)))),
            h('tbody', {}, rows.map((c) => h('tr', {}, h('td', { 'data-label': 'Tháng' }, monthLabel(c.month)), h('td', { 'data-label': 'Tiền lương' }, money(c.salary)), h('td', { 'data-label': 'Đơn vị' }, c.employerName || ''), h('td', { 'data-label': 'Vùng' }, c.zone || '')))),
          ),
        )
      : h('p', { class: 'muted' }, 'Không có dữ liệu đóng bảo hiểm kèm hồ sơ.'),
  );
}

/**
 * Files need the bearer token, so they are fetched and handed to the browser as a blob. Attachments: the staff
 * attachment route; issued documents: their `downloadUrl` (the staff view already points it at the staff route).
 */
/** A document not issued yet; a dead one (all attempts failed) gets a retry button. */
function issuanceLine(job) {
  if (job.status !== 'dead') return h('span', { class: 'badge badge-warn' }, `${job.kind}: đang phát hành`);
  const button = h('button', { type: 'button', class: 'btn btn-secondary btn-small', 'data-testid': `retry-${job.kind}` }, 'Phát hành lại');
  button.addEventListener('click', async () => {
    const res = await busy(button, () => staffApi(`${path}/documents/${encodeURIComponent(job.kind)}/retry`, { method: 'POST' }));
    if (!res.ok) return showError(res);
    const fresh = await staffApi(path);
    if (fresh.ok) render(fresh.data);
    setStatus('Đã yêu cầu phát hành lại văn bản.');
  });
  return h('span', { class: 'badge badge-err', title: job.lastError || '' }, `${job.kind}: phát hành không thành công sau ${job.attempts} lần — `, button);
}

async function download(url, fileName) {
  const res = await fetch(url, { headers: { authorization: `Bearer ${staffSession.token}` } });
  if (!res.ok) return showError(`Không tải được tệp (mã ${res.status}).`);
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = h('a', { href, download: dispositionName(res.headers.get('content-disposition')) || fileName || '' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10000);
}

/** `attachment; filename*=UTF-8''…` or `attachment; filename="…"` → the file name. */
function dispositionName(header) {
  if (!header) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      return null;
    }
  }
  const plain = /filename="([^"]+)"/i.exec(header);
  return plain ? plain[1] : null;
}

function renderFiles(d) {
  const attachments = Array.isArray(d.attachments) ? d.attachments : [];
  replace(
    $('#attachments'),
    attachments.length
      ? attachments.map((a) =>
          h(
            'li',
            {},
            h('span', { class: 'muted' }, `${kindLabel(a.kind)}: `),
            h('button', { type: 'button', class: 'btn btn-secondary btn-small', onclick: () => void download(`${path}/attachments/${encodeURIComponent(a.id)}`, a.fileName) }, a.fileName || a.id),
            a.size ? h('span', { class: 'muted' }, ` ${bytes(a.size)}`) : null,
            a.uploadedAt ? h('span', { class: 'muted' }, ` · ${dateTime(a.uploadedAt)}`) : null,
          ),
        )
      : h('li', { class: 'muted' }, 'Chưa có giấy tờ kèm theo.'),
  );
  const documents = Array.isArray(d.documents) ? d.documents : [];
  replace(
    $('#documents'),
    documents.map((doc) =>
      h(
        'li',
        {},
        doc.downloadUrl
          ? h('button', { type: 'button', class: 'btn btn-secondary btn-small', onclick: () => void download(doc.downloadUrl, `${doc.kind || 'van-ban'}.pdf`) }, doc.title || doc.kind)
          : doc.title || doc.kind,
        doc.number ? ` số ${doc.number}` : '',
        doc.issuedAt ? h('span', { class: 'muted' }, ` · ${dateTime(doc.issuedAt)}`) : null,
      ),
    ),
  );
}

function fieldControl(actionKey, field) {
  const id = `${actionKey}-${field}`;
  const label = FIELD_LABELS[field] || field;
  if (field === 'recommendation') {
    return h(
      'fieldset',
      { class: 'radios' },
      h('legend', { class: 'label' }, label),
      h('label', {}, h('input', { type: 'radio', name: 'recommendation', value: 'approve', id: `${id}-approve`, checked: true }), ' Đề xuất hưởng'),
      h('label', {}, h('input', { type: 'radio', name: 'recommendation', value: 'deny', id: `${id}-deny` }), ' Đề xuất không hưởng'),
    );
  }
  const control = h('div', { class: 'field' }, h('label', { for: id }, label), h('textarea', { id, name: field, rows: field === 'note' ? '2' : '3' }));
  if (field !== 'note' || actionKey === 'request_supplement') return control;
  // A staff note is internal unless marked for the citizen (then the citizen and the national portal see it).
  return [control, h('label', { class: 'checkbox' }, h('input', { type: 'checkbox', name: 'noteForCitizen', id: `${id}-citizen` }), ' Công dân được xem ghi chú này')];
}

function renderActions(d) {
  const box = $('#actions');
  const actions = Array.isArray(d.allowedActions) ? d.allowedActions : [];
  const forms = actions.map((a) => {
    const fields = Array.isArray(a.fields) ? a.fields : [];
    const form = h(
      'form',
      { class: 'form action-card', 'data-action': a.action, novalidate: true },
      h('h3', {}, a.label || a.action),
      fields.map((f) => fieldControl(a.action, f)),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn-primary' }, a.label || a.action)),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void perform(form, a, fields);
    });
    return form;
  });
  if (d.canRevokeDecision) forms.push(revokeForm(d));
  if (!forms.length) {
    replace(box, h('p', { class: 'muted' }, 'Bạn không có thao tác nào với hồ sơ ở trạng thái này.'));
    return;
  }
  replace(box, forms);
}

/** The Director revokes (thu hồi) the signed decision; the reason is shown to the citizen. */
function revokeForm(d) {
  const form = h(
    'form',
    { class: 'form action-card', 'data-action': 'revoke_decision', novalidate: true },
    h('h3', {}, 'Thu hồi quyết định'),
    h('p', { class: 'muted' }, `Quyết định số ${d.decision.number} sẽ không còn hiệu lực; trang kiểm tra và công dân sẽ thấy việc thu hồi.`),
    fieldControl('revoke_decision', 'reason'),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn-danger' }, 'Thu hồi quyết định')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearError();
    clearErrors(form, null);
    const { reason } = readForm(form);
    if (!reason || reason.trim().length < 10) {
      showErrors(form, [{ field: 'reason', message: 'Vui lòng nêu lý do thu hồi (ít nhất 10 ký tự).' }], null);
      form.querySelector('[aria-invalid="true"]').focus();
      return;
    }
    const button = form.querySelector('button[type="submit"]');
    const res = await busy(button, () => staffApi(`${path}/decision/revoke`, { method: 'POST', body: { reason } }));
    if (res.ok) {
      const fresh = await staffApi(path);
      if (fresh.ok) render(fresh.data);
      setStatus(`Đã thu hồi quyết định số ${d.decision.number}.`);
      focusRegion($('#summary-title'));
      return;
    }
    if (res.status === 400 && Array.isArray(res.problem.errors) && res.problem.errors.length) {
      showErrors(form, res.problem.errors, null);
      return;
    }
    showError(res);
  });
  return form;
}

async function perform(form, action, fields) {
  clearError();
  clearErrors(form, null);
  const values = readForm(form);
  const errors = [];
  if (fields.includes('reason') && !values.reason) errors.push({ field: 'reason', message: 'Vui lòng nhập lý do.' });
  if (fields.includes('overrideReason') && values.overrideReason !== undefined && !values.overrideReason)
    errors.push({ field: 'overrideReason', message: 'Vui lòng nhập lý do điều chỉnh.' });
  if (fields.includes('items') && !values.items) errors.push({ field: 'items', message: 'Vui lòng nêu giấy tờ cần bổ sung.' });
  if (errors.length) {
    showErrors(form, errors, null);
    form.querySelector('[aria-invalid="true"]').focus();
    return;
  }
  const body = { action: action.action, expectedVersion: dossier.version };
  for (const f of fields) {
    if (values[f] === undefined) continue;
    body[f] = f === 'items' ? values.items.split('\n').map((s) => s.trim()).filter(Boolean) : values[f];
  }
  if (body.note) body.noteVisibility = values.noteForCitizen ? 'citizen' : 'internal';
  const button = form.querySelector('button[type="submit"]');
  const res = await busy(button, () => staffApi(`${path}/actions`, { method: 'POST', body }));
  if (res.ok && res.data) {
    // The answer is the updated staff view, with the allowedActions of the new status.
    render(res.data);
    setStatus(`Đã thực hiện: ${action.label || action.action}. Trạng thái mới: ${statusLabel(dossier.status, dossier.statusLabel)}.`);
    focusRegion($('#summary-title'));
    return;
  }
  if (res.status === 409) {
    showError(`${res.problem.title || 'Hồ sơ đã được cập nhật bởi người khác'}. Đã tải lại hồ sơ, vui lòng kiểm tra rồi thao tác lại.`);
    const fresh = await staffApi(path);
    if (fresh.ok) render(fresh.data);
    return;
  }
  if (res.status === 400 && Array.isArray(res.problem.errors) && res.problem.errors.length) {
    showErrors(form, res.problem.errors, null);
    return;
  }
  showError(res);
}

if (requireStaff()) void load();
