import { $, h, replace } from '../lib/dom.js';
import { busy, clearErrors, readForm, showErrors } from '../lib/forms.js';
import { date } from '../lib/format.js';
import { staffSession } from '../lib/api.js';
import { clearError, requireStaff, setStatus, showError, staffApi } from '../lib/page.js';

// Dated signers through /api/v1/admin/signers (docs/centers-and-signers.md).
const form = $('#signer-form');
const imageForm = $('#image-form');
const scopeNames = new Map([['department', 'Sở Nội vụ']]);

function row(s) {
  const lines = [s.onBehalfOf, s.title].filter(Boolean).join(' / ');
  return h(
    'tr',
    { 'data-id': s.id },
    h('td', { 'data-label': 'Ký cho' }, scopeNames.get(s.scope) || s.scope),
    h('td', { 'data-label': 'Dòng ký' }, lines),
    h('td', { 'data-label': 'Họ và tên' }, s.fullName, s.inForce ? [' ', h('span', { class: 'badge badge-ok' }, 'Đang ký')] : null),
    h('td', { 'data-label': 'Từ ngày – đến ngày' }, `${date(s.validFrom)} – ${s.validTo ? date(s.validTo) : 'đến khi có thay đổi'}`),
    h('td', { 'data-label': 'Chữ ký, chứng thư số' }, s.signatureImageKey ? 'Đã có ảnh chữ ký' : 'Chưa có ảnh chữ ký', s.certificateRef ? h('div', { class: 'muted' }, s.certificateRef) : null),
    h(
      'td',
      { 'data-label': 'Thao tác' },
      h('button', { type: 'button', class: 'btn btn-secondary btn-small', onclick: () => startImage(s) }, 'Ảnh chữ ký', h('span', { class: 'visually-hidden' }, ` ${s.fullName}`)),
    ),
  );
}

async function loadScopes() {
  const res = await staffApi('/api/v1/admin/centers');
  if (!res.ok) return;
  const select = form.elements.scope;
  for (const c of res.data.items.filter((c) => c.active)) {
    scopeNames.set(c.code, c.name);
    select.append(h('option', { value: c.code }, `${c.name} (${c.code})`));
  }
}

async function load() {
  setStatus('Đang tải danh sách người ký…');
  const res = await staffApi('/api/v1/admin/signers');
  setStatus('');
  if (!res.ok) return showError(res);
  replace($('#signer-rows'), res.data.items.map(row));
}

function startImage(s) {
  clearErrors(imageForm, $('#image-errors'));
  imageForm.dataset.id = s.id;
  $('#image-name').textContent = `${s.fullName} (${[s.onBehalfOf, s.title].filter(Boolean).join(' / ')})`;
  $('#image-panel').hidden = false;
  $('#i-png').focus();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearError();
  const v = readForm(form);
  const body = {
    scope: v.scope || '',
    capacity: v.capacity || '',
    fullName: v.fullName || '',
    validFrom: v.validFrom || '',
    validTo: v.validTo || null,
  };
  if (v.staffUsername) body.staffUsername = v.staffUsername;
  if (v.certificateRef) body.certificateRef = v.certificateRef;
  busy($('#signer-submit'), async () => {
    const res = await staffApi('/api/v1/admin/signers', { method: 'POST', body });
    if (!res.ok) {
      const errors = (res.problem && res.problem.errors) || [];
      if (errors.length) return showErrors(form, errors, $('#signer-errors'));
      return showError(res);
    }
    form.reset();
    clearErrors(form, $('#signer-errors'));
    await load();
    setStatus(`Đã thêm người ký ${res.data.fullName}.`);
  });
});

function base64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

imageForm.addEventListener('submit', (event) => {
  event.preventDefault();
  clearError();
  const file = $('#i-png').files[0];
  if (!file) return showErrors(imageForm, [{ field: 'png', message: 'Vui lòng chọn tệp ảnh chữ ký (PNG).' }], $('#image-errors'));
  busy($('#image-submit'), async () => {
    const res = await staffApi(`/api/v1/admin/signers/${encodeURIComponent(imageForm.dataset.id)}/signature-image`, {
      method: 'PUT',
      body: { png: await base64(file) },
    });
    if (!res.ok) {
      const errors = (res.problem && res.problem.errors) || [];
      if (errors.length) return showErrors(imageForm, errors, $('#image-errors'));
      return showError(res);
    }
    $('#image-panel').hidden = true;
    imageForm.reset();
    await load();
    setStatus(`Đã lưu ảnh chữ ký của ${res.data.fullName}.`);
  });
});

if (requireStaff()) {
  if (staffSession.claims.role !== 'admin') {
    showError('Trang này dành cho quản trị viên.');
  } else {
    $('#admin-page').hidden = false;
    loadScopes().then(load);
  }
}
