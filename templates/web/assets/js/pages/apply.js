// Filing, in four steps: khai → giấy tờ → kiểm tra lại → cam đoan và nộp. The answers are saved on the server as a
// draft while the citizen types (GET/PUT /api/v1/me/draft) and restored after a new login; files are attached to the
// draft (removable) and move onto the dossier when it is filed (POST /api/v1/me/draft/submit).
import { api, newIdempotencyKey } from '../lib/api.js';
import { $, facts, focusRegion, h, replace } from '../lib/dom.js';
import { busy, clearErrors, readForm, showErrors } from '../lib/forms.js';
import { centerLabel, centerServing, loadCenters } from '../lib/centers.js';
import { address, bytes, contractLabel, date, kindLabel, money, months, reasonLabel, sexLabel, statusLabel } from '../lib/format.js';
import { dateInWords, isoFromParts, partsFromIso } from '../lib/dates.js';
import { helpBlock } from '../lib/help.js';
import { clearError, citizenSignedIn, setStatus, showCitizenLogin, showError } from '../lib/page.js';
import { insuranceFacts, monthLabel } from '../lib/profile.js';
import { watchSession } from '../lib/session.js';
import { ineligibleAdvice, isCapped } from '../lib/assessment.js';

const form = $('#apply-form');
const summary = $('#error-summary');
const OPEN = ['SUBMITTED', 'SUPPLEMENT_REQUESTED', 'RECEIVED', 'IN_REVIEW', 'REVIEWED', 'PROPOSED'];
const STAGES = ['stage-form', 'stage-upload', 'stage-review', 'stage-declare'];
const BANKS = { VCB: 'Vietcombank', BIDV: 'BIDV', CTG: 'VietinBank', AGRIBANK: 'Agribank', TCB: 'Techcombank', MB: 'MB', ACB: 'ACB', VPB: 'VPBank', STB: 'Sacombank' };
const idempotency = { body: null, key: null };
const draft = { attachments: [], requiredDocuments: [], terminationProofOptions: [] };
let lastEstimate = null;
let person = null;

/** Every answer of step 1, also while that step is hidden. */
function answers() {
  return readForm(form, { includeHidden: true });
}

// ---------------------------------------------------------------- arrival

async function arrive() {
  setStatus('Đang lấy thông tin từ cơ sở dữ liệu quốc gia…');
  const [mine, res] = await Promise.all([api('/api/v1/dossiers'), api('/api/v1/me/profile'), fillCenters()]);
  setStatus('');
  if (res.status === 401 || mine.status === 401) return showCitizenLogin();
  if (!res.ok) return showError(res);
  person = res.data;
  citizenSignedIn(person.fullName);
  // One open dossier per person: say so on arrival and link to it, instead of refusing at the end.
  const open = mine.ok && mine.data && Array.isArray(mine.data.items) ? mine.data.items.find((d) => OPEN.includes(d.status)) : null;
  if (open) {
    $('#open-dossier-code').textContent = open.code;
    $('#open-dossier-status').textContent = statusLabel(open.status, open.statusLabel).toLowerCase();
    $('#open-dossier-link').href = `/ho-so/${encodeURIComponent(open.id)}`;
    $('#open-dossier').hidden = false;
    focusRegion($('#open-dossier'));
    return;
  }
  renderPerson(person);
  await restoreDraft();
  suggestCenter(person);
  $('#apply').hidden = false;
  watchSession();
}

function renderPerson(p) {
  const ins = insuranceFacts(p.insurance);
  facts($('#identity'), [
    ['Họ và tên', p.fullName],
    ['Số định danh cá nhân', p.personalId],
    ['Ngày sinh', date(p.dateOfBirth)],
    ['Giới tính', sexLabel(p.sex)],
    ['Quốc tịch', p.nationality],
    ['Nơi thường trú', address(p.permanentAddress)],
    ['Nơi ở hiện tại', address(p.currentAddress)],
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
    $('#insurance').hidden = true;
    $('#no-insurance').hidden = false;
  }
  const employer = ins && ins.lastEmployer;
  if (employer) {
    if (employer.name && !form.elements['lastEmployer.name'].value) form.elements['lastEmployer.name'].value = employer.name;
    if (employer.taxCode && !form.elements['lastEmployer.taxCode'].value) form.elements['lastEmployer.taxCode'].value = employer.taxCode;
  }
  if (p.fullName && !form.elements['payment.accountHolder'].value) form.elements['payment.accountHolder'].value = p.fullName;
}

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

/** The center serving the citizen's commune (current address, else permanent): chosen unless they chose, and named. */
function suggestCenter(p) {
  const address = [p.currentAddress, p.permanentAddress].find((a) => a && centerServing(a.communeCode));
  if (!address) return;
  const center = centerServing(address.communeCode);
  const select = form.elements.centerCode;
  if (!select.value) select.value = center.code;
  const hint = $('#center-hint');
  hint.textContent = `${center.name} phục vụ ${address.communeName}, nơi bạn ở: ${center.address}${center.phone ? `, điện thoại ${center.phone}` : ''}${center.hours ? ` (${center.hours})` : ''}.`;
  hint.hidden = false;
}

// ---------------------------------------------------------------- draft

async function restoreDraft() {
  const res = await api('/api/v1/me/draft');
  if (!res.ok || !res.data) return;
  applyDraft(res.data);
  const d = res.data.data || {};
  if (!res.data.updatedAt) return;
  fillForm(d);
  $('#draft-status').textContent = `Đã khôi phục thông tin bạn khai dở lúc ${timeOf(res.data.updatedAt)}.`;
  void estimate();
  const step = Number(d.step) || 1;
  if (step > 1) goTo(Math.min(step, 3), { silent: true });
}

function applyDraft(data) {
  draft.attachments = Array.isArray(data.attachments) ? data.attachments : [];
  draft.requiredDocuments = Array.isArray(data.requiredDocuments) ? data.requiredDocuments : [];
  draft.terminationProofOptions = Array.isArray(data.terminationProofOptions) ? data.terminationProofOptions : [];
}

function fillForm(d) {
  const set = (name, value) => {
    if (value === undefined || value === null || !form.elements[name]) return;
    form.elements[name].value = value;
  };
  if (d.terminationDate) {
    const p = partsFromIso(d.terminationDate);
    set('terminationDate.day', p.day);
    set('terminationDate.month', p.month);
    set('terminationDate.year', p.year);
    echoDate();
  }
  set('terminationReason', d.terminationReason);
  set('contractType', d.contractType);
  if (d.lastEmployer) {
    set('lastEmployer.name', d.lastEmployer.name);
    set('lastEmployer.taxCode', d.lastEmployer.taxCode);
    set('lastEmployer.address', d.lastEmployer.address);
  }
  set('centerCode', d.centerCode);
  if (d.payment) {
    const radio = form.querySelector(`input[name="payment.method"][value="${d.payment.method}"]`);
    if (radio) radio.checked = true;
    set('payment.bankCode', d.payment.bankCode);
    set('payment.accountNumber', d.payment.accountNumber);
    set('payment.accountHolder', d.payment.accountHolder);
  }
  set('phone', d.phone);
  set('email', d.email);
  if (d.ineligibleAcknowledged) $('#ineligibleAcknowledged').checked = true;
  togglePayment();
}

/** The answers as the draft keeps them: only well-formed pieces (a half-typed date is not saved). */
function draftOf(step) {
  const v = answers();
  const out = {};
  const iso = isoFromParts(v.terminationDate);
  if (iso) out.terminationDate = iso;
  for (const k of ['terminationReason', 'contractType', 'centerCode', 'email']) if (v[k]) out[k] = v[k];
  if (v.phone && /^[\d +.-]{0,20}$/.test(v.phone)) out.phone = v.phone;
  if (v.lastEmployer) {
    const e = {};
    if (v.lastEmployer.name) e.name = v.lastEmployer.name.slice(0, 200);
    if (v.lastEmployer.taxCode && /^[\d-]{0,14}$/.test(v.lastEmployer.taxCode)) e.taxCode = v.lastEmployer.taxCode;
    if (v.lastEmployer.address) e.address = v.lastEmployer.address.slice(0, 300);
    if (Object.keys(e).length) out.lastEmployer = e;
  }
  if (v.payment) {
    const p = { method: v.payment.method };
    if (v.payment.bankCode) p.bankCode = v.payment.bankCode;
    if (v.payment.accountNumber && /^[\d .-]{0,30}$/.test(v.payment.accountNumber)) p.accountNumber = v.payment.accountNumber;
    if (v.payment.accountHolder) p.accountHolder = v.payment.accountHolder.slice(0, 100);
    out.payment = p;
  }
  if ($('#ineligibleAcknowledged').checked) out.ineligibleAcknowledged = true;
  out.step = step || currentStep();
  return out;
}

let saveTimer = null;
let saving = Promise.resolve();
function scheduleSave() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => void saveDraft(), 800);
}

async function saveDraft(step) {
  clearTimeout(saveTimer);
  const body = draftOf(step);
  saving = saving.then(async () => {
    const res = await api('/api/v1/me/draft', { method: 'PUT', body });
    if (res.status === 401) {
      $('#draft-status').textContent = 'Phiên đăng nhập đã hết hạn. Đăng nhập lại để tiếp tục; những gì đã lưu trước đó vẫn còn.';
      return showCitizenLogin();
    }
    if (res.ok && res.data) {
      applyDraft(res.data);
      $('#draft-status').textContent = `Đã tự động lưu lúc ${timeOf(res.data.updatedAt)}.`;
    }
  });
  return saving;
}

function timeOf(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? ''
    : new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
}

// ---------------------------------------------------------------- dates

function echoDate() {
  const v = answers().terminationDate;
  const iso = isoFromParts(v);
  $('#terminationDate-echo').textContent = iso ? `Bạn đã nhập: ${dateInWords(iso)}.` : '';
  return iso;
}

// ---------------------------------------------------------------- estimate

function projected(a, field) {
  return Array.isArray(a.projectedFields) && a.projectedFields.includes(field) ? ' (dự kiến)' : '';
}

/** GET /api/v1/me/eligibility: the estimate from the citizen's own registry record, if filed today. */
async function estimate() {
  const value = echoDate();
  const box = $('#estimate');
  if (!value) {
    box.hidden = true;
    lastEstimate = null;
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
  if (estimate.asked !== asked) return;
  if (!res.ok) {
    lastEstimate = null;
    replace(box, h('p', {}, 'Chưa tính được mức hưởng dự kiến. Bạn vẫn có thể nộp hồ sơ.'));
    return;
  }
  const a = (lastEstimate = res.data || {});
  if (!a.eligible) {
    // Why, and what the person can do: no amount, no deadline inviting a filing the rules reject.
    replace(
      box,
      h('h2', {}, 'Kết quả tính thử'),
      h('p', {}, h('span', { class: 'badge badge-err', 'data-testid': 'estimate-ineligible' }, 'Có thể chưa đủ điều kiện hưởng')),
      h('h3', {}, 'Vì sao'),
      h('ul', {}, (a.reasons || []).map((r) => h('li', {}, r.message || r.code))),
      h('h3', {}, 'Bạn có thể làm gì'),
      h('ul', { 'data-testid': 'estimate-advice' }, ineligibleAdvice(a, !person || !person.insurance).map((t) => h('li', {}, t))),
      h('p', { class: 'muted' }, 'Đây là kết quả tính thử từ dữ liệu hiện có. Bạn vẫn có quyền nộp hồ sơ; khi đó bạn sẽ được hỏi xác nhận trước khi nộp.'),
    );
    return;
  }
  replace(
    box,
    h('h2', {}, 'Mức hưởng dự kiến'),
    h('p', {}, h('span', { class: 'big-number', 'data-testid': 'estimate-benefit' }, money(a.monthlyBenefit)), ' mỗi tháng, trong ', String(a.benefitMonths ?? ''), ' tháng',
      a.entitlementStart ? `, từ ngày ${date(a.entitlementStart)}${projected(a, 'entitlementStart')}` : '', '.'),
    isCapped(a)
      ? h('p', { 'data-testid': 'estimate-capped' }, `Đã áp dụng mức tối đa: 60% bình quân tiền lương của bạn (${money(Math.round(a.averageSalary * 0.6))}) cao hơn mức trần ${money(a.cap)} mỗi tháng.`)
      : null,
    Array.isArray(a.reasons) && a.reasons.length ? h('ul', {}, a.reasons.map((r) => h('li', {}, r.message || r.code))) : null,
    a.filingDeadline ? h('p', { class: 'muted' }, `Hạn nộp hồ sơ: ${date(a.filingDeadline)}${projected(a, 'filingDeadline')}. Đây là kết quả dự kiến; kết quả chính thức có sau khi thẩm định.`) : null,
  );
}

function togglePayment() {
  const method = form.querySelector('input[name="payment.method"]:checked');
  $('#bank-fields').hidden = !method || method.value !== 'bank';
}

// ---------------------------------------------------------------- steps

function currentStep() {
  return STAGES.findIndex((id) => !$(`#${id}`).hidden) + 1 || 1;
}

function goTo(n, { silent = false, focus } = {}) {
  setStatus('');
  STAGES.forEach((id, i) => ($(`#${id}`).hidden = i !== n - 1));
  for (let i = 1; i <= 4; i++) {
    const li = $(`#step-${i}`);
    if (i === n) li.setAttribute('aria-current', 'step');
    else li.removeAttribute('aria-current');
  }
  if (n === 2) renderDocuments();
  if (n === 3) renderReview();
  if (n === 4) $('#ineligible-confirm').hidden = !(lastEstimate && lastEstimate.eligible === false);
  if (!silent) {
    // The saved draft answers which documents this contract type needs.
    void saveDraft(n).then(() => n === 2 && renderDocuments());
    if (focus) focus.focus();
    else focusRegion(n === 1 ? $('#stage-form-title') : $(`#${STAGES[n - 1]}`));
  }
}

/** Only what can be told without the server (missing answers). Formats are the API's rules (its 400). */
function validate(v) {
  const errors = [];
  const need = (field, message) => {
    const value = field.split('.').reduce((o, k) => (o ? o[k] : undefined), v);
    if (value === undefined || value === '' || value === false) errors.push({ field, message });
  };
  const td = v.terminationDate || {};
  if (!td.day && !td.month && !td.year) errors.push({ field: 'terminationDate', message: 'Vui lòng nhập ngày chấm dứt hợp đồng.' });
  else if (!isoFromParts(td)) errors.push({ field: 'terminationDate', message: 'Ngày chấm dứt hợp đồng không phải là ngày có thật (ngày / tháng / năm).' });
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
    terminationDate: isoFromParts(v.terminationDate),
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

$('#to-documents').addEventListener('click', () => {
  clearError();
  const errors = validate(answers());
  if (errors.length) return showErrors(form, errors, summary);
  clearErrors(form, summary);
  goTo(2);
});

// ---------------------------------------------------------------- documents

/** The kinds the law asks for (from the saved draft; the proof of termination at least). */
function requiredKinds() {
  return draft.requiredDocuments.length ? draft.requiredDocuments : ['termination_proof'];
}

function missingKinds() {
  return requiredKinds().filter((k) => !draft.attachments.some((a) => a.kind === k));
}

function renderDocuments() {
  const contract = form.elements.contractType.value;
  const required = requiredKinds();
  replace(
    $('#required-docs'),
    h('h3', {}, 'Giấy tờ bắt buộc'),
    h(
      'ul',
      { class: 'checklist', 'data-testid': 'required-documents' },
      required.map((k) => {
        const done = draft.attachments.some((a) => a.kind === k);
        return h('li', {}, h('span', { class: `badge ${done ? 'badge-ok' : 'badge-warn'}` }, done ? 'Đã có' : 'Còn thiếu'), ' ', kindLabel(k));
      }),
    ),
    draft.terminationProofOptions.length
      ? h(
          'div',
          {},
          h('p', {}, `Với ${contractLabel(contract).toLowerCase()}, giấy tờ chứng minh chấm dứt hợp đồng là một trong các giấy tờ sau (bản chụp hoặc bản điện tử):`),
          h('ul', {}, draft.terminationProofOptions.map((o) => h('li', {}, o))),
        )
      : null,
  );
  replace(
    $('#uploaded'),
    draft.attachments.length
      ? draft.attachments.map((f) =>
          h(
            'li',
            { class: 'file-row' },
            h('span', {}, `${kindLabel(f.kind)}: ${f.fileName || ''} `, f.size ? h('span', { class: 'muted' }, `(${bytes(f.size)})`) : null),
            h('button', { type: 'button', class: 'btn btn-danger btn-small', 'aria-label': `Xóa ${f.fileName}`, onclick: () => void removeFile(f) }, 'Xóa'),
          ),
        )
      : h('li', { class: 'muted' }, 'Chưa có giấy tờ.'),
  );
}

async function removeFile(f) {
  const res = await api(`/api/v1/me/draft/attachments/${encodeURIComponent(f.id)}`, { method: 'DELETE' });
  if (res.status === 401) return showCitizenLogin();
  if (!res.ok && res.status !== 404) return showError(res);
  draft.attachments = draft.attachments.filter((a) => a.id !== f.id);
  renderDocuments();
  setStatus(`Đã xóa ${f.fileName}.`);
  focusRegion($('#uploaded-title'));
}

$('#upload-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const uploadForm = event.currentTarget;
  const errorBox = $('#upload-error');
  clearErrors(uploadForm, errorBox);
  const file = uploadForm.elements.file.files[0];
  if (!file) return showErrors(uploadForm, [{ field: 'file', message: 'Vui lòng chọn tệp.' }], errorBox);
  if (file.size > 10 * 1024 * 1024) return showErrors(uploadForm, [{ field: 'file', message: 'Tệp vượt quá 10 MB.' }], errorBox);
  const data = new FormData();
  data.append('kind', uploadForm.elements.kind.value);
  data.append('file', file, file.name);
  const button = uploadForm.querySelector('button[type="submit"]');
  const res = await busy(button, () => api('/api/v1/me/draft/attachments', { method: 'POST', form: data }));
  if (res.status === 401) return showCitizenLogin();
  if (!res.ok) {
    const errors = Array.isArray(res.problem.errors) && res.problem.errors.length
      ? res.problem.errors
      : [{ field: 'file', message: res.problem.detail || res.problem.title || 'Không tải lên được tệp.' }];
    return showErrors(uploadForm, errors, errorBox);
  }
  draft.attachments = [...draft.attachments, res.data];
  uploadForm.elements.file.value = '';
  $('#docs-missing').hidden = true;
  renderDocuments();
  setStatus(`Đã tải lên ${file.name}.`);
});

$('#back-to-form').addEventListener('click', () => goTo(1));
$('#to-review').addEventListener('click', async () => {
  await saving;
  const missing = missingKinds();
  const box = $('#docs-missing');
  if (missing.length) {
    replace(box, h('p', {}, `Còn thiếu: ${missing.map(kindLabel).join('; ')}. Vui lòng tải lên trước khi tiếp tục.`));
    box.hidden = false;
    box.focus();
    return;
  }
  box.hidden = true;
  goTo(3);
});

// ---------------------------------------------------------------- review

function editLink(label, target) {
  return h('button', { type: 'button', class: 'link-button', onclick: () => (target === 'documents' ? goTo(2) : goTo(1, { focus: $(`#${target}`) })) }, h('span', {}, 'Sửa'), h('span', { class: 'visually-hidden' }, ` ${label.toLowerCase()}`));
}

function renderReview() {
  const v = answers();
  const p = v.payment || {};
  const rows = [
    ['Ngày chấm dứt hợp đồng', dateInWords(isoFromParts(v.terminationDate)), 'terminationDate-day'],
    ['Lý do chấm dứt', reasonLabel(v.terminationReason), 'terminationReason'],
    ['Loại hợp đồng', contractLabel(v.contractType), 'contractType'],
    ['Đơn vị cuối cùng', [v.lastEmployer && v.lastEmployer.name, v.lastEmployer && v.lastEmployer.taxCode ? ` (mã số thuế ${v.lastEmployer.taxCode})` : ''].join(''), 'lastEmployer-name'],
    ['Địa chỉ đơn vị', v.lastEmployer && v.lastEmployer.address, 'lastEmployer-address'],
    ['Nơi nộp hồ sơ', centerLabel(v.centerCode), 'centerCode'],
    ['Nhận tiền qua', p.method === 'bank' ? `Tài khoản ${p.accountNumber || ''} tại ${BANKS[p.bankCode] || p.bankCode || ''}, chủ tài khoản ${p.accountHolder || ''}` : 'Tiền mặt tại bưu điện', p.method === 'bank' ? 'payment-accountNumber' : 'centerCode'],
    ['Số điện thoại', v.phone, 'phone'],
    ['Thư điện tử', v.email || 'Không khai', 'email'],
  ];
  const dl = $('#review');
  replace(dl);
  for (const [label, value, target] of rows) dl.append(h('dt', {}, label), h('dd', {}, h('span', {}, value || ''), ' ', editLink(label, target)));
  replace(
    $('#review-files'),
    draft.attachments.map((f) => h('li', {}, `${kindLabel(f.kind)}: ${f.fileName}`)),
    h('li', {}, editLink('Giấy tờ', 'documents')),
  );
}

$('#to-declare').addEventListener('click', () => goTo(4));
$('#back-to-review').addEventListener('click', () => goTo(3));

// ---------------------------------------------------------------- declare and file

$('#declare-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  clearError();
  const declareForm = event.currentTarget;
  const errorBox = $('#declare-error');
  clearErrors(declareForm, errorBox);
  const errors = [];
  if (!$('#ineligible-confirm').hidden && !$('#ineligibleAcknowledged').checked)
    errors.push({ field: 'ineligibleAcknowledged', message: 'Vui lòng xác nhận bạn đã đọc lý do và vẫn muốn nộp.' });
  if (!$('#declarationAccepted').checked) errors.push({ field: 'declarationAccepted', message: 'Vui lòng xác nhận lời cam đoan.' });
  if (errors.length) return showErrors(declareForm, errors, errorBox);
  const values = answers();
  const formErrors = validate(values);
  if (formErrors.length) {
    goTo(1);
    return showErrors(form, formErrors, summary);
  }
  await saveDraft(4);
  const body = bodyOf(values);
  const json = JSON.stringify(body);
  if (idempotency.body !== json) {
    idempotency.body = json;
    idempotency.key = newIdempotencyKey();
  }
  const button = declareForm.querySelector('button[type="submit"]');
  const res = await busy(button, () =>
    api('/api/v1/me/draft/submit', { method: 'POST', body, headers: { 'idempotency-key': idempotency.key } }),
  );
  if (res.status === 401) return showCitizenLogin();
  if (res.ok && res.data) return done(res.data);
  const list = Array.isArray(res.problem.errors) ? res.problem.errors : [];
  if (res.status === 400 && list.length) {
    if (list.some((e) => e.field === 'attachments')) {
      goTo(2);
      replace($('#docs-missing'), h('p', {}, list.map((e) => e.message).join(' ')));
      $('#docs-missing').hidden = false;
      return $('#docs-missing').focus();
    }
    goTo(1);
    return showErrors(form, list, summary);
  }
  if (res.status === 409 && res.problem.openDossierCode) {
    return showErrors(declareForm, [{ field: 'declarationAccepted', message: `Bạn đang có hồ sơ ${res.problem.openDossierCode} chưa giải quyết xong, nên chưa nộp thêm được. Xem tại trang Hồ sơ của tôi.` }], errorBox);
  }
  showError(res);
});

async function done(dossier) {
  STAGES.forEach((id) => ($(`#${id}`).hidden = true));
  $('#draft-status').textContent = '';
  for (let i = 1; i <= 4; i++) $(`#step-${i}`).removeAttribute('aria-current');
  facts($('#done-facts'), [
    ['Mã hồ sơ', h('strong', { 'data-testid': 'dossier-code' }, dossier.code || dossier.id)],
    ['Trạng thái', statusLabel(dossier.status, dossier.statusLabel)],
    ['Nơi nộp', centerLabel(dossier.centerCode)],
    ['Ngày nộp', date(dossier.filedAt)],
    ['Giấy tờ đã gửi', (dossier.attachments || []).map((a) => kindLabel(a.kind)).join('; ')],
  ]);
  replace(
    $('#done-next'),
    h('li', {}, 'Trung tâm dịch vụ việc làm kiểm tra hồ sơ và tiếp nhận (thường trong 1–2 ngày làm việc). Khi đó bạn nhận được giấy hẹn trả kết quả trên trang hồ sơ.'),
    h('li', {}, 'Nếu thiếu giấy tờ, trung tâm gửi yêu cầu bổ sung; bạn trả lời ngay trên trang hồ sơ.'),
    h('li', {}, 'Bạn không cần đến trung tâm để nộp hồ sơ. Hãy giữ điện thoại để cán bộ liên hệ khi cần.'),
  );
  $('#done-link').href = `/ho-so/${encodeURIComponent(dossier.id)}`;
  replace($('#done-help'), await helpBlock(dossier.centerCode));
  $('#stage-done').hidden = false;
  focusRegion($('#stage-done'));
}

// ---------------------------------------------------------------- wiring

for (const name of ['terminationDate.day', 'terminationDate.month', 'terminationDate.year', 'terminationReason', 'contractType'])
  form.elements[name].addEventListener('change', () => void estimate());
for (const name of ['terminationDate.day', 'terminationDate.month', 'terminationDate.year'])
  form.elements[name].addEventListener('input', echoDate);
form.addEventListener('input', scheduleSave);
form.addEventListener('change', scheduleSave);
form.addEventListener('submit', (event) => event.preventDefault());
$('#ineligibleAcknowledged').addEventListener('change', () => void saveDraft(4));
for (const radio of form.querySelectorAll('input[name="payment.method"]')) radio.addEventListener('change', togglePayment);
togglePayment();
void arrive();
