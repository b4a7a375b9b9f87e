import { $, h, replace } from '../lib/dom.js';
import { busy, clearErrors, readForm, showErrors } from '../lib/forms.js';
import { staffSession } from '../lib/api.js';
import { clearError, requireStaff, setStatus, showError, staffApi } from '../lib/page.js';

// Centers administered through /api/v1/admin/centers (docs/centers-and-signers.md).
const form = $('#center-form');
const closeForm = $('#close-form');
let centers = [];

function row(c) {
  const actions = c.active
    ? [
        h('button', { type: 'button', class: 'btn btn-secondary btn-small', onclick: () => edit(c) }, 'Sửa', h('span', { class: 'visually-hidden' }, ` ${c.name}`)),
        ' ',
        h('button', { type: 'button', class: 'btn btn-danger btn-small', onclick: () => startClose(c) }, 'Đóng cửa', h('span', { class: 'visually-hidden' }, ` ${c.name}`)),
      ]
    : null;
  const state = c.active
    ? h('span', { class: 'badge badge-ok' }, 'Đang hoạt động')
    : [h('span', { class: 'badge badge-err' }, 'Đã đóng cửa'), h('div', { class: 'muted' }, `Hồ sơ chuyển sang ${c.successorCode || ''}. Lý do: ${c.closedReason || ''}`)];
  return h(
    'tr',
    { 'data-code': c.code },
    h('td', { 'data-label': 'Mã' }, c.code),
    h('td', { 'data-label': 'Tên, địa chỉ' }, h('strong', {}, c.name), h('div', { class: 'muted' }, c.address)),
    h('td', { 'data-label': 'Điện thoại, giờ làm việc' }, c.phone, h('div', { class: 'muted' }, c.hours)),
    h('td', { 'data-label': 'Xã, phường phục vụ' }, c.communes.length ? c.communes.join(', ') : '—'),
    h('td', { 'data-label': 'Tình trạng' }, state),
    h('td', { 'data-label': 'Thao tác' }, actions),
  );
}

async function load() {
  setStatus('Đang tải danh sách trung tâm…');
  const res = await staffApi('/api/v1/admin/centers');
  setStatus('');
  if (!res.ok) return showError(res);
  centers = res.data.items;
  replace($('#center-rows'), centers.map(row));
}

function edit(c) {
  clearErrors(form, $('#center-errors'));
  $('#form-title').textContent = `Sửa trung tâm ${c.code}`;
  $('#center-submit').textContent = 'Lưu thay đổi';
  $('#center-cancel').hidden = false;
  form.elements.editing.value = c.code;
  form.elements.code.value = c.code;
  form.elements.code.disabled = true;
  for (const k of ['name', 'provinceName', 'address', 'phone', 'hours']) form.elements[k].value = c[k];
  form.elements.communes.value = c.communes.join(', ');
  form.elements.name.focus();
}

function resetForm() {
  form.reset();
  form.elements.code.disabled = false;
  form.elements.editing.value = '';
  $('#form-title').textContent = 'Thêm trung tâm';
  $('#center-submit').textContent = 'Thêm trung tâm';
  $('#center-cancel').hidden = true;
  clearErrors(form, $('#center-errors'));
}

function startClose(c) {
  clearErrors(closeForm, $('#close-errors'));
  closeForm.dataset.code = c.code;
  $('#close-name').textContent = `${c.code} – ${c.name}`;
  replace(
    $('#close-successor'),
    h('option', { value: '' }, '— Chọn trung tâm —'),
    centers.filter((o) => o.active && o.code !== c.code).map((o) => h('option', { value: o.code }, `${o.code} – ${o.name}`)),
  );
  $('#close-panel').hidden = false;
  $('#close-successor').focus();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearError();
  const v = readForm(form);
  const editing = form.elements.editing.value;
  const body = {
    name: v.name || '',
    provinceName: v.provinceName || '',
    address: v.address || '',
    phone: v.phone || '',
    hours: v.hours || '',
    communes: (v.communes || '').split(/[\s,;]+/).filter(Boolean),
  };
  if (!editing) body.code = v.code || '';
  busy($('#center-submit'), async () => {
    const res = editing
      ? await staffApi(`/api/v1/admin/centers/${encodeURIComponent(editing)}`, { method: 'PUT', body })
      : await staffApi('/api/v1/admin/centers', { method: 'POST', body });
    if (!res.ok) {
      const errors = (res.problem && res.problem.errors) || [];
      if (errors.length) return showErrors(form, errors, $('#center-errors'));
      return showError(res);
    }
    resetForm();
    await load();
    setStatus(editing ? `Đã lưu trung tâm ${res.data.code}.` : `Đã thêm trung tâm ${res.data.code}.`);
  });
});

$('#center-cancel').addEventListener('click', resetForm);
$('#close-cancel').addEventListener('click', () => {
  $('#close-panel').hidden = true;
});

closeForm.addEventListener('submit', (event) => {
  event.preventDefault();
  clearError();
  const code = closeForm.dataset.code;
  const v = readForm(closeForm);
  busy($('#close-submit'), async () => {
    const res = await staffApi(`/api/v1/admin/centers/${encodeURIComponent(code)}/close`, {
      method: 'POST',
      body: { successorCode: v.successorCode || '', reason: v.reason || '' },
    });
    if (!res.ok) {
      const errors = (res.problem && res.problem.errors) || [];
      if (errors.length) return showErrors(closeForm, errors, $('#close-errors'));
      return showError(res);
    }
    $('#close-panel').hidden = true;
    closeForm.reset();
    await load();
    const m = res.data.moved;
    setStatus(`Đã đóng cửa ${code}: chuyển ${m.dossiers} hồ sơ và ${m.benefits} trợ cấp đang hưởng sang ${res.data.center.successorCode}.`);
  });
});

if (requireStaff()) {
  if (staffSession.claims.role !== 'admin') {
    showError('Trang này dành cho quản trị viên.');
  } else {
    $('#admin-page').hidden = false;
    load();
  }
}
