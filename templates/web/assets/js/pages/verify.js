import { api } from '../lib/api.js';
import { $, facts, h, pageData, replace } from '../lib/dom.js';
import { date } from '../lib/format.js';
import { setStatus, showError } from '../lib/page.js';

const code = pageData().code;
const region = $('#verify-result');
// The QR code carries a signed payload after "#" (never sent by the browser on its own): the key facts
// signed by the issuer. It is passed along so the service checks it against the record.
const currentPayload = () => (/^#v1\.[A-Za-z0-9_.-]+$/.test(location.hash) ? location.hash.slice(1) : '');
const money = (value) => `${Number(value).toLocaleString('vi-VN')} đồng`;

async function load() {
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
      h('p', {}, 'Không có văn bản nào mang mã kiểm tra này. Vui lòng kiểm tra lại mã trên văn bản hoặc quét lại mã QR.'),
    );
    region.hidden = false;
    return;
  }
  if (!res.ok) {
    showError(res);
    return;
  }
  const d = res.data || {};
  // {valid, decisionNumber, issuedAt, issuer, holderName (masked), sha256, status: 'issued' | 'revoked', revokedAt, documentKind, title}
  const revoked = d.status === 'revoked';
  const valid = d.valid === true && !revoked;
  region.className = `panel ${valid ? 'verify-valid' : 'verify-invalid'}`;
  // The document type in its own words: "Giấy tiếp nhận hồ sơ ... hợp lệ", not always "Quyết định".
  const type = d.title || 'Văn bản';
  const offline = d.offline && d.offline.signatureValid && d.offline.facts ? d.offline : null;
  const facts_ = offline ? offline.facts : null;
  replace(
    region,
    h('h2', {}, valid ? `${type}: hợp lệ` : revoked ? `${type}: đã bị thu hồi` : `${type}: không còn hiệu lực`),
    h('p', {}, h('span', { class: `badge ${valid ? 'badge-ok' : 'badge-err'}`, 'data-testid': 'verify-verdict' }, valid ? 'Hợp lệ' : revoked ? 'Đã thu hồi' : 'Không hợp lệ')),
    facts(h('dl', { class: 'facts' }), [
      ['Loại văn bản', d.title],
      ['Số, ký hiệu', d.decisionNumber],
      ['Tình trạng', revoked ? 'Đã bị thu hồi' : valid ? 'Đang có hiệu lực' : 'Không còn hiệu lực'],
      ['Ngày ban hành', date(d.issuedAt)],
      ['Ngày thu hồi', revoked ? h('span', { 'data-testid': 'verify-revoked-at' }, date(d.revokedAt)) : ''],
      ['Cơ quan ban hành', d.issuer],
      ['Người được hưởng', d.holderName],
      ['Mức hưởng hằng tháng', facts_ && facts_.amount > 0 ? money(facts_.amount) : ''],
      ['Số tháng hưởng', facts_ && facts_.months > 0 ? `${facts_.months} tháng` : ''],
      [
        'Dữ liệu ký số trong mã QR',
        d.offline
          ? h('span', { 'data-testid': 'verify-offline' }, offline && offline.matchesRecord ? 'Chữ ký đúng, khớp với hồ sơ lưu' : 'Không khớp hoặc chữ ký sai')
          : '',
      ],
      ['Mã băm SHA-256 của tệp', d.sha256 ? h('code', { class: 'code' }, d.sha256) : ''],
    ]),
    h('p', { class: 'muted' }, 'Đối chiếu mã SHA-256 với tệp PDF bạn nhận được để chắc chắn văn bản không bị sửa đổi.'),
  );
  region.hidden = false;
}

window.addEventListener('hashchange', () => void load());
void load();
