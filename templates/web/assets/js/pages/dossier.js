import { api } from '../lib/api.js';
import { $, facts, focusRegion, h, pageData, replace } from '../lib/dom.js';
import { busy, clearErrors, showErrors } from '../lib/forms.js';
import { isCapped, renderAssessment } from '../lib/assessment.js';
import { renderTimeline } from '../lib/dossier-view.js';
import { centerLabel, loadCenters } from '../lib/centers.js';
import { bytes, contractLabel, date, dateTime, kindLabel, money, months, reasonLabel, statusLabel } from '../lib/format.js';
import { dateInWords } from '../lib/dates.js';
import { helpBlock } from '../lib/help.js';
import './dossier-payments.js';
import './dossier-satisfaction.js';
import { renderBenefitSchedule } from '../lib/benefit-schedule.js';
import { renderBenefitTransfer } from '../lib/benefit-transfer.js';
import { citizenSignedIn, clearError, setStatus, showCitizenLogin, showError } from '../lib/page.js';

const id = pageData().id;
const path = `/api/v1/dossiers/${encodeURIComponent(id)}`;
const OPEN = ['SUBMITTED', 'SUPPLEMENT_REQUESTED', 'RECEIVED', 'IN_REVIEW', 'REVIEWED', 'PROPOSED'];
const GRANTED = ['APPROVED', 'RESULT_RETURNED'];
const BANKS = { VCB: 'Vietcombank', BIDV: 'BIDV', CTG: 'VietinBank', AGRIBANK: 'Agribank', TCB: 'Techcombank', MB: 'MB', ACB: 'ACB', VPB: 'VPBank', STB: 'Sacombank' };
/** Luật Khiếu nại 2011, Điều 9: a first complaint within 90 days of receiving the administrative decision. */
const COMPLAINT_DAYS = 90;
let dossier = null;

async function load() {
  setStatus('Đang tải hồ sơ…');
  const [res] = await Promise.all([api(path), loadCenters()]);
  setStatus('');
  if (res.status === 401) return showCitizenLogin();
  if (res.status === 404) return showError('Không tìm thấy hồ sơ này trong danh sách hồ sơ của bạn.');
  if (!res.ok) return showError(res);
  citizenSignedIn();
  await render(res.data);
}

/** One sentence on where the dossier stands, for its status: never a stale appointment on a closed dossier. */
function statusLine(d) {
  switch (d.status) {
    case 'SUBMITTED':
      return 'Hồ sơ đã được gửi và đang chờ trung tâm dịch vụ việc làm kiểm tra để tiếp nhận. Ngày hẹn trả kết quả có sau khi tiếp nhận.';
    case 'SUPPLEMENT_REQUESTED':
      return 'Trung tâm cần bạn bổ sung giấy tờ trước khi giải quyết tiếp. Xem yêu cầu và gửi bổ sung ngay bên dưới.';
    case 'RECEIVED':
    case 'IN_REVIEW':
    case 'REVIEWED':
    case 'PROPOSED':
      return d.dueDate
        ? `Hồ sơ đã được tiếp nhận và đang được giải quyết. Hẹn trả kết quả: ${dateInWords(d.dueDate)}.`
        : 'Hồ sơ đã được tiếp nhận và đang được giải quyết.';
    case 'APPROVED':
    case 'RESULT_RETURNED':
      return 'Bạn được hưởng trợ cấp thất nghiệp. Xem số tiền, thời gian hưởng và việc cần làm tiếp bên dưới.';
    case 'DENIED':
      return 'Cơ quan đã trả lời: bạn không được hưởng trợ cấp thất nghiệp. Lý do và cách khiếu nại ở bên dưới.';
    case 'REJECTED':
      return 'Hồ sơ không được tiếp nhận. Lý do ghi ở quá trình xử lý; bạn có thể nộp hồ sơ mới khi đã đủ giấy tờ.';
    case 'WITHDRAWN':
      return 'Bạn đã rút hồ sơ này; hồ sơ không được giải quyết tiếp. Bạn có thể nộp hồ sơ mới nếu vẫn trong thời hạn.';
    case 'REVOKED':
      return 'Quyết định về hồ sơ này đã bị thu hồi. Xem lý do bên dưới; cần hỗ trợ, hãy liên hệ trung tâm.';
    default:
      return statusLabel(d.status, d.statusLabel);
  }
}

async function render(d) {
  dossier = d;
  $('#dossier-code').textContent = d.code || '';
  document.title = `Hồ sơ ${d.code || ''} · Dịch vụ công trực tuyến`;
  const open = OPEN.includes(d.status);
  $('#status-line').textContent = statusLine(d);
  facts($('#summary'), [
    ['Mã hồ sơ', d.code],
    ['Trạng thái', h('strong', { 'data-testid': 'dossier-status' }, statusLabel(d.status, d.statusLabel))],
    ['Ngày nộp', dateTime(d.filedAt)],
    ['Ngày tiếp nhận', dateTime(d.receivedAt)],
    ['Ngày hẹn trả kết quả', open ? date(d.dueDate) || 'Có sau khi hồ sơ được tiếp nhận' : ''],
    ['Ngày có kết quả', open ? '' : date(d.decidedAt)],
    ['Nơi giải quyết', centerLabel(d.centerCode)],
  ]);

  renderSupplement(d);
  renderResult(d);
  renderRefusal(d);
  renderDecisionDocument(d);
  // After the result is returned: the benefit months, notice windows and the monthly notice form.
  if (d.status === 'RESULT_RETURNED') {
    const benefitStatus = await renderBenefitSchedule($('#benefit'), id);
    await renderBenefitTransfer($('#transfer'), id, benefitStatus);
  } else {
    $('#benefit').hidden = true;
    $('#transfer').hidden = true;
  }

  // The estimate is shown while the dossier is handled; after the decision the decided figures replace it.
  const showAssessment = open && d.assessment && d.assessment.eligible !== undefined;
  $('#assessment').hidden = !showAssessment;
  if (showAssessment) replace($('#assessment-body'), renderAssessment(d.assessment));

  renderAnswers(d);
  renderFiles(d);
  renderTimeline($('#timeline'), d.history);
  replace($('#help'), await helpBlock(d.centerCode));
  $('#withdraw').hidden = !open;
  $('#detail').hidden = false;
}

const lowerFirst = (text) => text.charAt(0).toLowerCase() + text.slice(1);

function paidWhere(payment) {
  if (!payment) return '';
  if (payment.method === 'cash') return 'Tiền mặt tại bưu điện nơi bạn chọn nhận';
  const account = String(payment.accountNumber || '');
  return `Tài khoản ${account.length > 4 ? `…${account.slice(-4)}` : account} tại ${BANKS[payment.bankCode] || payment.bankCode || 'ngân hàng'}`;
}

function renderResult(d) {
  const granted = GRANTED.includes(d.status);
  $('#result').hidden = !granted;
  if (!granted) return;
  const a = d.assessment || {};
  const app = d.application || {};
  replace(
    $('#result-body'),
    h(
      'dl',
      { class: 'facts result-figures' },
      h('dt', {}, 'Mức hưởng mỗi tháng'),
      h('dd', {}, h('span', { class: 'big-number', 'data-testid': 'result-amount' }, money(a.monthlyBenefit)), isCapped(a) ? h('span', { class: 'muted' }, 'Đã áp dụng mức tối đa theo quy định.') : null),
      h('dt', {}, 'Số tháng hưởng'),
      h('dd', {}, months(a.benefitMonths)),
      a.entitlementStart ? [h('dt', {}, 'Thời gian hưởng'), h('dd', {}, `Từ ${date(a.entitlementStart)} đến ${date(a.entitlementEnd)}`)] : null,
      h('dt', {}, 'Nhận tiền qua'),
      h('dd', {}, paidWhere(app.payment)),
      d.decision && d.decision.number ? [h('dt', {}, 'Theo quyết định'), h('dd', {}, `Số ${d.decision.number}, ngày ${date(d.decision.issuedAt)}`)] : null,
    ),
    h('p', { class: 'muted' }, 'Con số chính thức là con số ghi trong quyết định có chữ ký số (tải ở mục "Văn bản kết quả").'),
  );
  replace(
    $('#next-steps'),
    h('li', {}, h('strong', {}, 'Thông báo tìm kiếm việc làm tháng đầu: '), 'trong 03 ngày làm việc kể từ ngày nhận quyết định, báo với trung tâm dịch vụ việc làm về việc tìm kiếm việc làm của bạn. Các tháng sau, thông báo hằng tháng theo lịch ghi trong quyết định. Không thông báo đúng hạn, bạn có thể bị tạm dừng hưởng.'),
    h('li', {}, h('strong', {}, 'Nhận tiền: '), `cơ quan bảo hiểm xã hội chi trả hằng tháng qua ${lowerFirst(paidWhere(app.payment))}. Nếu thay đổi tài khoản, hãy báo trung tâm trước kỳ chi trả.`),
    h('li', {}, h('strong', {}, 'Thẻ bảo hiểm y tế: '), 'trong thời gian hưởng trợ cấp, bạn được cấp thẻ bảo hiểm y tế do quỹ bảo hiểm thất nghiệp đóng. Thẻ do cơ quan bảo hiểm xã hội cấp; bạn có thể xem trên ứng dụng VssID hoặc VNeID.'),
    h('li', {}, h('strong', {}, 'Khi có việc làm mới: '), 'báo ngay cho trung tâm để dừng hưởng; số tháng chưa hưởng được bảo lưu cho lần sau.'),
  );
}

function addDays(iso, days) {
  const d = new Date(`${String(iso).slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return '';
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function renderRefusal(d) {
  const refused = d.status === 'DENIED';
  $('#refusal').hidden = !refused;
  if (!refused) return;
  const reasons = String(d.decisionNote || '').split('\n').map((s) => s.trim()).filter(Boolean);
  const noticeDay = (d.decision && d.decision.issuedAt) || d.decidedAt;
  const until = noticeDay ? addDays(vnDay(noticeDay), COMPLAINT_DAYS) : '';
  replace(
    $('#refusal-body'),
    h('h3', {}, 'Lý do'),
    reasons.length ? h('ul', {}, reasons.map((r) => h('li', {}, r))) : h('p', {}, 'Lý do ghi trong thông báo có chữ ký số (tải ở mục "Văn bản kết quả").'),
    h('h3', {}, 'Thời gian đóng bảo hiểm của bạn'),
    h('p', {}, 'Thời gian bạn đã đóng bảo hiểm thất nghiệp không mất đi: được bảo lưu để tính cho lần hưởng sau.'),
    h('h3', {}, 'Nếu bạn không đồng ý'),
    h(
      'p',
      { 'data-testid': 'complaint' },
      'Bạn có quyền khiếu nại đến Giám đốc Sở Nội vụ (cơ quan ra thông báo)',
      until ? [' trong thời hạn 90 ngày, tức là ', h('strong', {}, `đến hết ${dateInWords(until)}`)] : ' trong thời hạn 90 ngày kể từ ngày nhận thông báo',
      ', hoặc khởi kiện vụ án hành chính tại Tòa án. Khiếu nại có thể gửi trực tiếp tại trung tâm hoặc qua Cổng Dịch vụ công quốc gia.',
    ),
  );
}

function vnDay(timestamp) {
  const t = new Date(timestamp);
  return Number.isNaN(t.getTime()) ? String(timestamp).slice(0, 10) : new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(t);
}

function renderDecisionDocument(d) {
  const decision = d.decision;
  const decided = ['APPROVED', 'DENIED', 'RESULT_RETURNED', 'REVOKED'].includes(d.status) || Boolean(decision);
  $('#decision').hidden = !decided;
  if (!decided) return;
  const title = decision && decision.kind === 'refusal'
    ? 'Thông báo về việc không được hưởng trợ cấp thất nghiệp'
    : 'Quyết định về việc hưởng trợ cấp thất nghiệp';
  replace(
    $('#decision-body'),
    decision
      ? [
          decision.status === 'revoked'
            ? h('p', { class: 'alert alert-error', 'data-testid': 'decision-revoked' }, `Văn bản này đã bị thu hồi ngày ${dateTime(decision.revokedAt)}. Lý do: ${decision.revocationReason}`)
            : null,
          facts(h('dl', { class: 'facts' }), [
            ['Văn bản', title],
            ['Số', h('span', { 'data-testid': 'decision-number' }, decision.number)],
            ['Ngày ban hành', dateTime(decision.issuedAt)],
          ]),
          h(
            'p',
            { class: 'actions' },
            h('a', { class: 'btn btn-primary', href: `${path}/decision/pdf`, download: '', 'data-testid': 'decision-download' }, decision.kind === 'refusal' ? 'Tải thông báo (PDF có chữ ký số)' : 'Tải quyết định (PDF có chữ ký số)'),
            h('a', { class: 'btn btn-secondary', href: `/verify/${encodeURIComponent(decision.verificationCode)}` }, 'Kiểm tra tính xác thực'),
          ),
        ]
      : h('p', { class: 'muted', 'data-testid': 'decision-pending' }, 'Văn bản kết quả đang được ký số và phát hành. Vui lòng tải lại trang sau ít phút.'),
  );
}

function renderAnswers(d) {
  const app = d.application || {};
  const p = app.payment || {};
  facts($('#answers'), [
    ['Ngày chấm dứt hợp đồng', dateInWords(app.terminationDate)],
    ['Lý do chấm dứt', reasonLabel(app.terminationReason)],
    ['Loại hợp đồng', contractLabel(app.contractType)],
    ['Đơn vị cuối cùng', app.lastEmployer ? `${app.lastEmployer.name}${app.lastEmployer.taxCode ? ` (mã số thuế ${app.lastEmployer.taxCode})` : ''}` : ''],
    ['Địa chỉ đơn vị', app.lastEmployer && app.lastEmployer.address],
    ['Nhận tiền qua', p.method === 'bank' ? `Tài khoản ${p.accountNumber} tại ${BANKS[p.bankCode] || p.bankCode}, chủ tài khoản ${p.accountHolder}` : p.method === 'cash' ? 'Tiền mặt tại bưu điện' : ''],
    ['Số điện thoại', app.phone],
    ['Thư điện tử', app.email],
  ]);
}

function renderFiles(d) {
  const attachments = Array.isArray(d.attachments) ? d.attachments : [];
  replace(
    $('#attachments'),
    attachments.length
      ? attachments.map((a) =>
          h('li', {}, h('span', { class: 'muted' }, `${kindLabel(a.kind)}: `), h('a', { href: `${path}/attachments/${encodeURIComponent(a.id)}` }, a.fileName || a.id), a.size ? h('span', { class: 'muted' }, ` (${bytes(a.size)})`) : null),
        )
      : h('li', { class: 'muted' }, 'Chưa có giấy tờ kèm theo.'),
  );
  const documents = Array.isArray(d.documents) ? d.documents : [];
  replace(
    $('#documents'),
    documents.length
      ? documents.map((doc) => h('li', {}, doc.downloadUrl ? h('a', { href: doc.downloadUrl }, doc.title || doc.kind) : doc.title || doc.kind, doc.number ? ` — số ${doc.number}` : '', doc.issuedAt ? h('span', { class: 'muted' }, ` (${dateTime(doc.issuedAt)})`) : null))
      : h('li', { class: 'muted' }, 'Chưa có văn bản nào.'),
  );
  // Hashes are for comparing files by hand: behind "Thông tin kỹ thuật", never in the main reading.
  const technical = [
    ...attachments.map((a) => [a.fileName || a.id, h('code', { class: 'code' }, a.sha256)]),
    ...documents.map((doc) => [doc.title || doc.kind, h('code', { class: 'code' }, doc.sha256)]),
    d.decision ? ['Mã kiểm tra quyết định', h('code', { class: 'code' }, d.decision.verificationCode)] : null,
  ].filter((row) => row && row[1] && row[1].textContent);
  $('#technical').hidden = !technical.length;
  facts($('#technical-body'), technical);
}

function renderSupplement(d) {
  const supplementOpen = d.status === 'SUPPLEMENT_REQUESTED';
  $('#supplement').hidden = !supplementOpen;
  if (!supplementOpen) return;
  const req = d.supplementRequest || {};
  const items = Array.isArray(req.items) ? req.items.map((i) => (typeof i === 'string' ? i : i.label || i.description || i.kind || '')).filter(Boolean) : [];
  replace(
    $('#supplement-request'),
    req.requestedAt ? h('p', { class: 'muted' }, `Yêu cầu ngày ${dateTime(req.requestedAt)}. Hạn giải quyết tạm dừng cho đến khi bạn gửi bổ sung.`) : null,
    req.note ? h('p', {}, h('strong', {}, 'Lời nhắn của cán bộ: '), req.note) : null,
    req.dueDate ? h('p', { 'data-testid': 'supplement-due' }, h('strong', {}, 'Hạn gửi bổ sung: '), dateInWords(req.dueDate)) : null,
  );
  // One upload per requested item, so several papers asked for can all be sent.
  const list = items.length ? items : ['Giấy tờ bổ sung'];
  replace(
    $('#supplement-items'),
    list.map((item, i) =>
      h(
        'div',
        { class: 'field' },
        h('label', { for: `supplement-file-${i}` }, `${item} (PDF, JPG, PNG)`),
        h('input', { type: 'file', id: `supplement-file-${i}`, name: `file-${i}`, accept: 'application/pdf,image/jpeg,image/png', 'data-item': item }),
      ),
    ),
  );
}

$('#supplement-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  clearError();
  const form = event.currentTarget;
  const errorBox = $('#supplement-error');
  clearErrors(form, errorBox);
  const note = form.elements.note.value.trim();
  const inputs = [...form.querySelectorAll('input[type="file"]')];
  const files = inputs.filter((input) => input.files[0]);
  if (!note && !files.length) return showErrors(form, [{ field: inputs[0] ? inputs[0].name : 'note', message: 'Vui lòng đính kèm giấy tờ được yêu cầu hoặc nhập lời nhắn.' }], errorBox);
  const button = form.querySelector('button[type="submit"]');
  await busy(button, async () => {
    for (const input of files) {
      const data = new FormData();
      data.append('kind', 'supplement');
      data.append('file', input.files[0], input.files[0].name);
      const up = await api(`${path}/attachments`, { method: 'POST', form: data });
      if (!up.ok) return showErrors(form, [{ field: input.name, message: up.problem.detail || up.problem.title }], errorBox);
      input.value = '';
    }
    const body = { expectedVersion: dossier.version };
    if (note) body.note = note;
    const res = await api(`${path}/supplement`, { method: 'POST', body });
    if (res.status === 400 && Array.isArray(res.problem.errors)) return showErrors(form, res.problem.errors, errorBox);
    if (!res.ok) return showError(res);
    form.reset();
    await reload('Đã gửi bổ sung. Trung tâm sẽ giải quyết tiếp hồ sơ của bạn.');
  });
});

$('#withdraw-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  clearError();
  const form = event.currentTarget;
  clearErrors(form, null);
  if (!form.elements.confirm.checked) {
    showErrors(form, [{ field: 'confirm', message: 'Vui lòng xác nhận trước khi rút hồ sơ.' }], null);
    form.elements.confirm.focus();
    return;
  }
  const note = form.elements.note.value.trim();
  const body = { expectedVersion: dossier.version };
  if (note) body.note = note;
  const button = form.querySelector('button[type="submit"]');
  const res = await busy(button, () => api(`${path}/withdraw`, { method: 'POST', body }));
  if (!res.ok) return showError(res);
  await reload('Đã rút hồ sơ.');
});

async function reload(message) {
  const res = await api(path);
  if (res.ok) await render(res.data);
  setStatus(message);
  focusRegion($('#summary-title'));
}

void load();
