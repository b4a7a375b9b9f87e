import { api } from '../lib/api.js';
import { $, facts, focusRegion, h, pageData, replace } from '../lib/dom.js';
import { date } from '../lib/format.js';
import { clearErrors, showErrors } from '../lib/forms.js';
import { setStatus, showError } from '../lib/page.js';

const region = $('#verify-result');
const form = $('#verify-form');
// The QR code carries a signed payload after "#" (never sent by the browser on its own): the key facts
// signed by the issuer. It is passed along so the service checks it against the record.
const currentPayload = () => (/^#v1\.[A-Za-z0-9_.-]+$/.test(location.hash) ? location.hash.slice(1) : '');
const money = (value) => `${Number(value).toLocaleString('vi-VN')} đồng`;

/** The code as printed is base32 in capitals; people type it in any case, in groups, with spaces or dashes. */
function normalize(text) {
  return String(text || '').toUpperCase().replace(/[\s\-.]/g, '');
}

/** What the document is and who it concerns, in the document's own words (a refusal has no "người được hưởng"). */
function wording(kind) {
  if (kind === 'decision-approval') return { noun: 'Quyết định', holder: 'Người được hưởng' };
  if (kind === 'decision-refusal') return { noun: 'Thông báo', holder: 'Người nhận thông báo' };
  if (kind === 'receipt') return { noun: 'Giấy tiếp nhận', holder: 'Người nộp hồ sơ' };
  return { noun: 'Văn bản', holder: 'Người nộp hồ sơ' };
}

async function lookup(code) {
  setStatus('Đang tra cứu…');
  const payload = currentPayload();
  const query = payload ? `?payload=${encodeURIComponent(payload)}` : '';
  const res = await api(`/api/v1/public/decisions/${encodeURIComponent(code)}${query}`);
  setStatus('');
  if (res.status === 404) {
    region.className = 'panel verify-invalid';
    replace(
      region,
      h('h2', {}, 'Không tìm thấy văn bản'),
      h('p', {}, 'Không có văn bản nào mang mã kiểm tra này. Vui lòng kiểm tra lại mã in trên văn bản hoặc quét lại mã QR.'),
    );
    region.hidden = false;
    return focusRegion(region);
  }
  if (!res.ok) return showError(res);
  const d = res.data || {};
  const w = wording(d.documentKind);
  const revoked = d.status === 'revoked';
  const valid = d.valid === true && !revoked;
  region.className = `panel ${valid ? 'verify-valid' : 'verify-invalid'}`;
  const offline = d.offline && d.offline.signatureValid && d.offline.facts ? d.offline : null;
  const signed = offline ? offline.facts : null;
  replace(
    region,
    h('h2', {}, valid ? `${w.noun} hợp lệ` : revoked ? `${w.noun} đã bị thu hồi` : `${w.noun} không còn hiệu lực`),
    h('p', {}, h('span', { class: `badge ${valid ? 'badge-ok' : 'badge-err'}`, 'data-testid': 'verify-verdict' }, valid ? 'Hợp lệ' : revoked ? 'Đã thu hồi' : 'Không hợp lệ')),
    facts(h('dl', { class: 'facts' }), [
      ['Văn bản', d.title],
      ['Số', d.decisionNumber],
      ['Tình trạng', revoked ? 'Đã bị thu hồi' : valid ? 'Đang có hiệu lực' : 'Không còn hiệu lực'],
      ['Ngày ban hành', date(d.issuedAt)],
      ['Ngày thu hồi', revoked ? h('span', { 'data-testid': 'verify-revoked-at' }, date(d.revokedAt)) : ''],
      ['Cơ quan ban hành', d.issuer],
      [w.holder, d.holderName],
      ['Mức hưởng hằng tháng', signed && signed.amount > 0 ? money(signed.amount) : ''],
      ['Số tháng hưởng', signed && signed.months > 0 ? `${signed.months} tháng` : ''],
      [
        'Dữ liệu ký số trong mã QR',
        d.offline
          ? h('span', { 'data-testid': 'verify-offline' }, offline && offline.matchesRecord ? 'Chữ ký đúng, khớp với hồ sơ lưu' : 'Không khớp hoặc chữ ký sai')
          : '',
      ],
    ]),
    d.sha256 ? compareBlock(d.sha256) : null,
  );
  region.hidden = false;
  focusRegion(region);
}

/** Compares a PDF the person holds with the issued one, in the browser (the file is not sent anywhere). */
function compareBlock(sha256) {
  const out = h('p', { role: 'status', 'data-testid': 'verify-compare' });
  const input = h('input', { type: 'file', id: 'verify-file', accept: 'application/pdf' });
  input.addEventListener('change', async () => {
    const file = input.files[0];
    if (!file || !crypto.subtle) return;
    const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
    const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
    out.className = hex === sha256 ? 'alert alert-ok' : 'alert alert-error';
    out.textContent = hex === sha256
      ? 'Tệp của bạn trùng khớp với văn bản đã ban hành.'
      : 'Tệp của bạn KHÁC với văn bản đã ban hành: có thể đã bị sửa đổi.';
  });
  return h(
    'div',
    {},
    h('h3', {}, 'Đối chiếu tệp bạn đang giữ'),
    h('div', { class: 'field' }, h('label', { for: 'verify-file' }, 'Chọn tệp PDF để so với bản gốc (tệp không rời khỏi máy bạn)'), input),
    out,
    h('details', { class: 'technical' }, h('summary', {}, 'Thông tin kỹ thuật'), h('p', {}, 'Mã băm SHA-256 của bản gốc: ', h('code', { class: 'code' }, sha256))),
  );
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const errorBox = $('#verify-form-error');
  clearErrors(form, errorBox);
  const code = normalize(form.elements.code.value);
  if (!/^[A-Z2-7]{32}$/.test(code))
    return showErrors(form, [{ field: 'code', message: 'Mã kiểm tra gồm 32 ký tự (chữ A–Z và số 2–7).' }], errorBox);
  history.replaceState(null, '', `/verify/${code}`);
  void lookup(code);
});

const initial = normalize(pageData().code);
if (initial) {
  form.elements.code.value = initial;
  void lookup(initial);
  window.addEventListener('hashchange', () => void lookup(initial));
}
