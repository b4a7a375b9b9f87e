import { api } from '../lib/api.js';
import { $, facts, h, pageData, replace } from '../lib/dom.js';
import { date } from '../lib/format.js';
import { setStatus, showError } from '../lib/page.js';

const code = pageData().code;
const region = $('#verify-result');

async function load() {
  setStatus('Đang tra cứu…');
  const res = await api(`/api/v1/public/decisions/${encodeURIComponent(code)}`);
  setStatus('');
  if (res.status === 404) {
    region.className = 'panel verify-invalid';
    replace(
      region,
      h('h2', {}, 'Không tìm thấy quyết định'),
      h('p', {}, 'Không có quyết định nào mang mã kiểm tra này. Vui lòng kiểm tra lại mã trên văn bản hoặc quét lại mã QR.'),
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
  replace(
    region,
    h('h2', {}, valid ? 'Quyết định hợp lệ' : revoked ? 'Quyết định đã bị thu hồi' : 'Quyết định không còn hiệu lực'),
    h('p', {}, h('span', { class: `badge ${valid ? 'badge-ok' : 'badge-err'}`, 'data-testid': 'verify-verdict' }, valid ? 'Hợp lệ' : revoked ? 'Đã thu hồi' : 'Không hợp lệ')),
    facts(h('dl', { class: 'facts' }), [
      ['Văn bản', d.title],
      ['Số quyết định', d.decisionNumber],
      ['Ngày ban hành', date(d.issuedAt)],
      ['Ngày thu hồi', revoked ? h('span', { 'data-testid': 'verify-revoked-at' }, date(d.revokedAt)) : ''],
      ['Cơ quan ban hành', d.issuer],
      ['Người được hưởng', d.holderName],
      ['Mã băm SHA-256 của tệp', d.sha256 ? h('code', { class: 'code' }, d.sha256) : ''],
    ]),
    h('p', { class: 'muted' }, 'Đối chiếu mã SHA-256 với tệp PDF bạn nhận được để chắc chắn văn bản không bị sửa đổi.'),
  );
  region.hidden = false;
}

void load();
