import { api, newIdempotencyKey } from '../lib/api.js';
import { $, facts, focusRegion, h, replace } from '../lib/dom.js';
import { busy, clearErrors, readForm, showErrors } from '../lib/forms.js';
import { centerLabel, loadCenters } from '../lib/centers.js';
import { address, bytes, date, kindLabel, money, months, sexLabel, statusLabel } from '../lib/format.js';
import { clearError, citizenSignedIn, setStatus, showCitizenLogin, showError } from '../lib/page.js';
import { insuranceFacts, monthLabel } from '../lib/profile.js';

const form = $('#apply-form');
const summary = $('#error-summary');
let dossier = null;
const idempotency = { body: null, key: null };

async function loadProfile() {
  setStatus('Đang lấy thông tin từ cơ sở dữ liệu quốc gia…');
  const [res] = await Promise.all([api('/api/v1/me/profile'), fillCenters()]);
  setStatus('');
  if (res.status === 401) return showCitizenLogin();
  if (!res.ok) return showError(res);
  const person = res.data;
  const ins = insuranceFacts(person.insurance);
  citizenSignedIn(person.fullName);
  facts($('#identity'), [
    ['Họ và tên', person.fullName],
    ['Số định danh cá nhân', person.personalId],
    ['Ngày sinh', date(person.dateOfBirth)],
    ['Giới tính', sexLabel(person.sex)],
    ['Quốc tịch', person.nationality],
    ['Nơi thường trú', address(person.permanentAddress)],
    ['Nơi ở hiện tại', address(person.currentAddress)],
  ]);
  if (ins) {
    facts($('#insurance'), [
      ['Mã số bảo hiểm xã hội', ins.socialInsuranceNumber],
      ['Tổng số tháng đã đóng', months(ins.totalMonths)],
      ['Số tháng chưa hưởng', ins.unusedMonths === ins.totalMonths ? '' : months(ins.unusedMonths)],
      ['Đóng từ tháng', monthLabel(ins.firstMonth)],
      ['Tháng đóng gần nhất', monthLabel(ins.lastMonth)],
      ['Tiền lương tháng gần nhất', money(ins.lastSalary)],
      ['Đơn vị gần nhất', ins.lastEmployer && ins.lastEmployer.name],
      ['Số tháng đã dùng cho lần hưởng trước', ins.usedMonths ? months(ins.usedMonths) : ''],
      ['Số tháng đang bảo lưu', ins.reservedMonths ? months(ins.reservedMonths) : ''],
    ]);
  } else {
    replace($('#insurance'), h('p', {}, 'Chưa tìm thấy quá trình đóng bảo hiểm thất nghiệp.'));
  }
  // The registry knows the last employer's name and tax code (not its address): prefill, still editable.
  const employer = ins && ins.lastEmployer;
  if (employer) {
    if (employer.name && !form.elements['lastEmployer.name'].value) form.elements['lastEmployer.name'].value = employer.name;
    if (employer.taxCode && !form.elements['lastEmployer.taxCode'].value) form.elements['lastEmployer.taxCode'].value = employer.taxCode;
  }
  if (person.fullName && !form.elements['payment.accountHolder'].value) form.elements['payment.accountHolder'].value = person.fullName;
  $('#apply').hidden = false;
}

/** The center select, from the dossier module's directory. */
async function fillCenters() {
  const select = form.elements.centerCode;
  const centers = await loadCenters();
  const chosen = select.value;
  replace(
    select,
    h('option', { value: '' }, centers.length ? '— Chọn nơi nộp —' : 'Không tải được danh sách, vui lòng tải lại trang'),
    centers.map((c) => h('option', { value: c.code }, c.provinceName ? `${c.name} (${c.provinceName})` : c.name)),
  );
  select.value = chosen;
}

/** " (dự kiến)" after a date that rests on a calendar year not announced yet (response `projectedFields`). */
function projected(a, field) {
  return Array.isArray(a.projectedFields) && a.projectedFields.includes(field) ? ' (dự kiến)' : '';
}

/** GET /api/v1/me/eligibility: the estimate from the citizen's own registry record, if filed today. */
async function estimate() {
  const value = form.elements.terminationDate.value;
  const box = $('#estimate');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    box.hidden = true;
    return;
  }
  const query = new URLSearchParams({ terminationDate: value });
  if (form.elements.terminationReason.value) query.set('terminationReason', form.elements.terminationReason.value);
  if (form.elements.contractType.value) query.set('contractType', form.elements.contractType.value);
  const asked = query.toString();
  estimate.asked = asked;
  replace(box, h('p', {}, 'Đang tính mức hưởng dự kiến…'));
  box.hidden = false;
  const res = await api(`/api/v1/me/eligibility?${asked}`);
  if (estimate.asked !== asked) return; // a newer question is on its way
  if (!res.ok) {
    replace(box, h('p', {}, 'Chưa tính được mức hưởng dự kiến. Bạn vẫn có thể nộp hồ sơ.'));
    return;
  }
  const a = res.data || {};
  replace(
    box,
    h('h2', {}, 'Mức hưởng dự kiến'),
    a.eligible
      ? h('p', {}, h('span', { class: 'big-number', 'data-testid': 'estimate-benefit' }, money(a.monthlyBenefit)), ' mỗi tháng, trong ', String(a.benefitMonths ?? ''), ' tháng',
          a.entitlementStart ? `, từ ngày ${date(a.entitlementStart)}${projected(a, 'entitlementStart')}` : '', '.')
      : h('p', {}, h('span', { class: 'badge badge-err' }, 'Chưa đủ điều kiện hưởng')),
    Array.isArray(a.reasons) && a.reasons.length ? h('ul', {}, a.reasons.map((r) => h('li', {}, r.message || r.code))) : null,
    a.filingDeadline ? h('p', { class: 'muted' }, `Hạn nộp hồ sơ: ${date(a.filingDeadline)}${projected(a, 'filingDeadline')}. Đây là kết quả dự kiến; kết quả chính thức có sau khi thẩm định.`) : null,
  );
}

function togglePayment() {
  const method = form.querySelector('input[name="payment.method"]:checked');
  $('#bank-fields').hidden = !method || method.value !== 'bank';
}

/**
 * Only what can be told without the server (missing answers). Formats (account number, phone, e-mail, tax code…)
 * are the API's rules: its 400 `errors[]` are shown next to the fields, in its Vietnamese words.
 */
function validate(v) {
  const errors = [];
  const need = (field, message) => {
    const value = field.split('.').reduce((o, k) => (o ? o[k] : undefined), v);
    if (value === undefined || value === '' || value === false) errors.push({ field, message });
  };
  need('terminationDate', 'Vui lòng nhập ngày chấm dứt hợp đồng.');
  need('terminationReason', 'Vui lòng chọn lý do chấm dứt.');
  need('contractType', 'Vui lòng chọn loại hợp đồng.');
  need('lastEmployer.name', 'Vui lòng nhập tên đơn vị.');
  need('lastEmployer.address', 'Vui lòng nhập địa chỉ đơn vị.');
  need('centerCode', 'Vui lòng chọn nơi nộp hồ sơ.');
  if (v.payment && v.payment.method === 'bank') {
    need('payment.bankCode', 'Vui lòng chọn ngân hàng.');
    need('payment.accountNumber', 'Vui lòng nhập số tài khoản.');
    need('payment.accountHolder', 'Vui lòng nhập tên chủ tài khoản.');
  }
  need('phone', 'Vui lòng nhập số điện thoại.');
  if (!v.declarationAccepted) errors.push({ field: 'declarationAccepted', message: 'Vui lòng xác nhận lời cam đoan.' });
  return errors;
}

function bodyOf(v) {
  const payment = { method: v.payment.method };
  if (payment.method === 'bank') {
    payment.bankCode = v.payment.bankCode;
    payment.accountNumber = v.payment.accountNumber.replace(/[\s.-]/g, '');
    payment.accountHolder = v.payment.accountHolder;
  }
  const lastEmployer = { name: v.lastEmployer.name, address: v.lastEmployer.address };
  if (v.lastEmployer.taxCode) lastEmployer.taxCode = v.lastEmployer.taxCode;
  const body = {
    terminationDate: v.terminationDate,
    terminationReason: v.terminationReason,
    contractType: v.contractType,
    lastEmployer,
    centerCode: v.centerCode,
    payment,
    phone: v.phone.replace(/[\s.-]/g, ''),
    declarationAccepted: true,
  };
  if (v.email) body.email = v.email;
  return body;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearError();
  const values = readForm(form);
  const errors = validate(values);
  if (errors.length) return showErrors(form, errors, summary);
  clearErrors(form, summary);
  const body = bodyOf(values);
  const json = JSON.stringify(body);
  // Retrying the same content reuses the key (no duplicate dossier); changed content is a new filing attempt.
  if (idempotency.body !== json) {
    idempotency.body = json;
    idempotency.key = newIdempotencyKey();
  }
  const button = form.querySelector('button[type="submit"]');
  const res = await busy(button, () =>
    api('/api/v1/dossiers', { method: 'POST', body, headers: { 'idempotency-key': idempotency.key } }),
  );
  if (res.status === 401) return showCitizenLogin();
  if (res.ok && res.data) {
    dossier = res.data;
    toUpload();
    return;
  }
  if ((res.status === 400 || res.status === 422) && Array.isArray(res.problem.errors) && res.problem.errors.length)
    return showErrors(form, res.problem.errors, summary);
  showError(res);
});

function setStep(n) {
  for (let i = 1; i <= 3; i++) {
    const li = $(`#step-${i}`);
    if (i === n) li.setAttribute('aria-current', 'step');
    else li.removeAttribute('aria-current');
  }
}

function toUpload() {
  $('#stage-form').hidden = true;
  $('#upload-code').textContent = dossier.code || dossier.id;
  renderUploaded();
  $('#stage-upload').hidden = false;
  setStep(2);
  focusRegion($('#stage-upload'));
}

function renderUploaded() {
  const files = Array.isArray(dossier.attachments) ? dossier.attachments : [];
  replace(
    $('#uploaded'),
    files.length
      ? files.map((f) => h('li', {}, `${kindLabel(f.kind)}: ${f.fileName || ''} `, f.size ? h('span', { class: 'muted' }, `(${bytes(f.size)})`) : null))
      : h('li', { class: 'muted' }, 'Chưa có giấy tờ.'),
  );
}

$('#upload-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const uploadForm = event.currentTarget;
  const errorBox = $('#upload-error');
  clearErrors(uploadForm, errorBox);
  const file = uploadForm.elements.file.files[0];
  if (!file) return showErrors(uploadForm, [{ field: 'file', message: 'Vui lòng chọn tệp.' }], errorBox);
  if (!/^(application\/pdf|image\/jpeg|image\/png)$/.test(file.type))
    return showErrors(uploadForm, [{ field: 'file', message: 'Chỉ chấp nhận tệp PDF, JPG hoặc PNG.' }], errorBox);
  if (file.size > 10 * 1024 * 1024) return showErrors(uploadForm, [{ field: 'file', message: 'Tệp vượt quá 10 MB.' }], errorBox);
  const data = new FormData();
  data.append('kind', uploadForm.elements.kind.value);
  data.append('file', file, file.name);
  const button = uploadForm.querySelector('button[type="submit"]');
  const res = await busy(button, () => api(`/api/v1/dossiers/${encodeURIComponent(dossier.id)}/attachments`, { method: 'POST', form: data }));
  if (!res.ok) {
    const errors = Array.isArray(res.problem.errors) && res.problem.errors.length
      ? res.problem.errors
      : [{ field: 'file', message: res.problem.detail || res.problem.title || 'Không tải lên được tệp.' }];
    return showErrors(uploadForm, errors, errorBox);
  }
  // 201 with the attachment {id, kind, fileName, contentType, size, sha256, uploadedAt}.
  dossier.attachments = [...(dossier.attachments || []), res.data];
  uploadForm.elements.file.value = '';
  renderUploaded();
  setStatus(`Đã tải lên ${file.name}.`);
});

$('#finish').addEventListener('click', async () => {
  const fresh = await api(`/api/v1/dossiers/${encodeURIComponent(dossier.id)}`);
  if (fresh.ok && fresh.data) dossier = fresh.data;
  facts($('#done-facts'), [
    ['Mã hồ sơ', h('strong', { 'data-testid': 'dossier-code' }, dossier.code || dossier.id)],
    ['Trạng thái', statusLabel(dossier.status, dossier.statusLabel)],
    ['Nơi nộp', centerLabel(dossier.centerCode)],
    ['Ngày nộp', date(dossier.filedAt)],
    ['Ngày hẹn trả kết quả', dossier.dueDate ? date(dossier.dueDate) : 'Có sau khi hồ sơ được tiếp nhận'],
  ]);
  $('#done-link').href = `/ho-so/${encodeURIComponent(dossier.id)}`;
  $('#stage-upload').hidden = true;
  $('#stage-done').hidden = false;
  setStep(3);
  focusRegion($('#stage-done'));
});

for (const name of ['terminationDate', 'terminationReason', 'contractType'])
  form.elements[name].addEventListener('change', () => void estimate());
for (const radio of form.querySelectorAll('input[name="payment.method"]')) radio.addEventListener('change', togglePayment);
togglePayment();
void loadProfile();
