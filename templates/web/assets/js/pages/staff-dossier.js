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
let viewerUrl = null;

const FIELD_LABELS = {
  note: 'Ghi chú',
  recommendation: 'Đề xuất',
  reason: 'Lý do',
  items: 'Giấy tờ cần bổ sung (mỗi dòng một mục)',
  overrideReason: 'Lý do điều chỉnh kết quả tự động',
};

/** Steps that decide or refuse something for a person: styled apart and confirmed before they are sent. */
const CONFIRMED = {
  approve: { tone: 'approve', question: (d) => `Ký quyết định hưởng trợ cấp thất nghiệp cho ${d.applicant?.fullName || d.fullName || 'công dân'}?` },
  deny: { tone: 'deny', question: (d) => `Ban hành thông báo không được hưởng trợ cấp cho ${d.applicant?.fullName || 'công dân'}?` },
  reject_intake: { tone: 'deny', question: () => 'Từ chối tiếp nhận hồ sơ này? Công dân sẽ nhận phiếu từ chối với lý do bạn ghi.' },
};

/** What happens next, told after each step (and on arrival), by the status the dossier is in. */
const NEXT_STEP = {
  SUBMITTED: 'Bước tiếp theo: cán bộ tiếp nhận kiểm tra giấy tờ và tiếp nhận hồ sơ (hoặc yêu cầu bổ sung).',
  SUPPLEMENT_REQUESTED: 'Bước tiếp theo: chờ công dân bổ sung; thời hạn giải quyết tạm dừng đến khi có bổ sung.',
  RECEIVED: 'Bước tiếp theo: chuyên viên thẩm định bắt đầu thẩm định. Công dân đã nhận giấy tiếp nhận và hẹn trả kết quả.',
  IN_REVIEW: 'Bước tiếp theo: chuyên viên hoàn thành thẩm định với đề xuất hưởng hoặc không hưởng.',
  REVIEWED: 'Bước tiếp theo: Giám đốc trung tâm xem đề xuất, xem dự thảo và trình Giám đốc Sở (hoặc trả lại để thẩm định lại).',
  PROPOSED: 'Bước tiếp theo: Giám đốc Sở xem dự thảo và quyết định hưởng hoặc không hưởng.',
  APPROVED: 'Bước tiếp theo: quyết định đang được ký số và phát hành; sau đó cán bộ tiếp nhận trả kết quả cho công dân.',
  DENIED: 'Bước tiếp theo: thông báo đang được ký số và phát hành; sau đó cán bộ tiếp nhận trả kết quả cho công dân.',
  RESULT_RETURNED: 'Đã xong: kết quả đã được trả cho công dân.',
  REJECTED: 'Đã xong: công dân nhận phiếu từ chối tiếp nhận với lý do.',
  WITHDRAWN: 'Công dân đã rút hồ sơ; không xử lý tiếp.',
  REVOKED: 'Quyết định đã bị thu hồi; công dân và trang kiểm tra văn bản thấy việc thu hồi.',
};

async function load() {
  setStatus('Đang tải hồ sơ…');
  const [res] = await Promise.all([staffApi(path), loadCenters()]);
  setStatus('');
  if (res.status === 404) return showError('Không tìm thấy hồ sơ, hoặc hồ sơ không thuộc đơn vị của bạn.');
  if (!res.ok) return showError(res);
  render(res.data);
  void transferNotice(res.data);
}

/** A running benefit with a transfer request awaiting the center: a pointer to the page that decides it. */
async function transferNotice(d) {
  const notice = $('#transfer-notice');
  if (d.status !== 'RESULT_RETURNED') return;
  const res = await staffApi(`/api/v1/dossiers/${encodeURIComponent(id)}/transfer`);
  if (!res.ok || res.data.status !== 'requested') return;
  const to = res.data.toProvince ? res.data.toProvince.name : '';
  replace(notice, `Công dân đề nghị chuyển nơi hưởng đến ${to}, đang chờ trung tâm quyết định. `, h('a', { href: '/can-bo/chuyen-noi-huong' }, 'Xem và quyết định yêu cầu chuyển nơi hưởng'));
  notice.hidden = false;
}

function render(d) {
  dossier = d;
  const app = d.application || {};
  const applicant = d.applicant || {};
  $('#dossier-code').textContent = d.code || '';
  $('#dossier-person').textContent = applicant.fullName ? `· ${applicant.fullName}` : '';
  document.title = `Hồ sơ ${d.code || ''} · Cán bộ xử lý`;
  facts($('#summary'), [
    ['Trạng thái', h('strong', { 'data-testid': 'dossier-status' }, statusLabel(d.status, d.statusLabel))],
    ['Hạn xử lý', [date(d.dueDate) || '—', d.overdue ? [' ', h('span', { class: 'badge badge-err' }, 'Quá hạn')] : d.dueSoon ? [' ', h('span', { class: 'badge badge-warn' }, 'Sắp đến hạn')] : null]],
    ['Ngày nộp', `${dateTime(d.filedAt)} · ${channelLabel(d.channel)}`],
    ['Ngày tiếp nhận', dateTime(d.receivedAt)],
    ['Kết quả xét tự động', d.assessment ? h('span', { class: `badge ${d.assessment.eligible ? 'badge-ok' : 'badge-err'}` }, d.assessment.eligible ? `Đủ điều kiện · ${money(d.assessment.monthlyBenefit)}/tháng` : 'Chưa đủ điều kiện') : ''],
    ['Quyết định', d.decision ? h('span', { 'data-testid': 'decision-number' }, `Số ${d.decision.number}${d.decision.status === 'revoked' ? ' (đã thu hồi)' : ''} · `, h('a', { href: `/verify/${encodeURIComponent(d.decision.verificationCode)}` }, 'kiểm tra')) : ''],
    ['Văn bản chưa phát hành', Array.isArray(d.issuance) && d.issuance.length ? d.issuance.map((j) => issuanceLine(j)) : ''],
    ['Giấy tờ còn thiếu', Array.isArray(d.missingDocuments) && d.missingDocuments.length ? h('span', { 'data-testid': 'missing-documents', class: 'badge badge-err' }, d.missingDocuments.map((m) => m.label).join('; ')) : ''],
  ]);
  renderRecommendation(d);
  const flags = Array.isArray(d.flags) ? d.flags : [];
  $('#flags-panel').hidden = !flags.length;
  replace($('#flags'), flags.map((f) => h('li', {}, h('span', { class: 'badge badge-warn' }, 'Lưu ý'), ' ', f.label || f.code)));
  renderFiles(d);
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
  renderTimeline($('#timeline'), d.history);
  renderPreview(d);
  renderActions(d);
  $('#detail').hidden = false;
}

/** The reviewer's recommendation, as the center head and the Director need it: the verdict first, then the note. */
function renderRecommendation(d) {
  const box = $('#recommendation');
  const review = d.review;
  if (!review) {
    replace(box, ['REVIEWED', 'PROPOSED'].includes(d.status) ? h('p', { class: 'muted' }, 'Chưa có đề xuất thẩm định.') : null);
    return;
  }
  const history = Array.isArray(d.history) ? d.history : [];
  const event = [...history].reverse().find((e) => e.action === 'complete_review');
  const approve = review.recommendation === 'approve';
  replace(
    box,
    h('h3', {}, 'Đề xuất của chuyên viên thẩm định'),
    h('p', {}, h('span', { class: `badge ${approve ? 'badge-ok' : 'badge-err'}`, 'data-testid': 'recommendation-verdict' }, approve ? 'Đề xuất hưởng' : 'Đề xuất không hưởng'),
      ' ', h('span', { class: 'muted' }, [event && event.actorName ? event.actorName : '', review.completedAt ? `, ${dateTime(review.completedAt)}` : ''].join(''))),
    review.note ? h('p', {}, h('strong', {}, 'Nhận xét: '), review.note) : null,
    review.reemployment && review.reemployment.contributedAfterTermination
      ? h('p', { class: 'alert alert-warn' }, 'Có đóng bảo hiểm sau ngày chấm dứt hợp đồng (có thể đã có việc làm).')
      : null,
  );
}

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
          'details',
          {},
          h('summary', {}, `Quá trình đóng bảo hiểm thất nghiệp (${rows.length} tháng gần nhất)`),
          h(
            'div',
            { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Quá trình đóng bảo hiểm thất nghiệp' },
            h(
              'table',
              { class: 'table stack' },
              h('thead', {}, h('tr', {}, ['Tháng', 'Tiền lương', 'Đơn vị', 'Vùng'].map((t) => h('th', { scope: 'col' }, t)))),
              h('tbody', {}, rows.map((c) => h('tr', {}, h('td', { 'data-label': 'Tháng' }, monthLabel(c.month)), h('td', { 'data-label': 'Tiền lương' }, money(c.salary)), h('td', { 'data-label': 'Đơn vị' }, c.employerName || ''), h('td', { 'data-label': 'Vùng' }, c.zone || '')))),
            ),
          ),
        )
      : h('p', { class: 'muted' }, 'Không có dữ liệu đóng bảo hiểm kèm hồ sơ.'),
  );
}

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

/** Files need the bearer token: fetched as a blob, then shown in the page or saved. */
async function fetchFile(url) {
  const res = await fetch(url, { headers: { authorization: `Bearer ${staffSession.token}` } });
  if (!res.ok) {
    showError(`Không tải được tệp (mã ${res.status}).`);
    return null;
  }
  return { blob: await res.blob(), name: dispositionName(res.headers.get('content-disposition')) };
}

async function download(url, fileName) {
  const file = await fetchFile(url);
  if (!file) return;
  const href = URL.createObjectURL(file.blob);
  const a = h('a', { href, download: file.name || fileName || '' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10000);
}

/** Shows a PDF or an image in the page, next to the data it proves. */
async function view(url, title) {
  const file = await fetchFile(url);
  if (!file) return;
  if (viewerUrl) URL.revokeObjectURL(viewerUrl);
  viewerUrl = URL.createObjectURL(file.blob);
  const isImage = /^image\//.test(file.blob.type);
  const box = $('#viewer');
  replace(
    box,
    h('h3', { id: 'viewer-title', tabindex: '-1' }, `Đang xem: ${title}`),
    isImage
      ? h('img', { class: 'inline-viewer', src: viewerUrl, alt: title })
      : h('iframe', { class: 'inline-viewer', src: viewerUrl, title }),
    h('p', { class: 'actions' }, h('a', { href: viewerUrl, target: '_blank', rel: 'noopener' }, 'Mở trong thẻ mới'), h('button', { type: 'button', class: 'btn btn-secondary btn-small', onclick: () => replace(box) }, 'Đóng')),
  );
  focusRegion($('#viewer-title'));
}

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
      ? attachments.map((a) => {
          const url = `${path}/attachments/${encodeURIComponent(a.id)}`;
          const label = `${kindLabel(a.kind)} (${a.fileName || a.id})`;
          return h(
            'li',
            { class: 'file-row' },
            h('span', {}, h('strong', {}, kindLabel(a.kind)), h('span', { class: 'muted' }, ` · ${a.fileName || ''}${a.size ? ` · ${bytes(a.size)}` : ''}${a.uploadedAt ? ` · ${dateTime(a.uploadedAt)}` : ''}`)),
            h(
              'span',
              { class: 'actions' },
              h('button', { type: 'button', class: 'btn btn-secondary btn-small', 'aria-label': `Xem ${label}`, onclick: () => void view(url, label) }, 'Xem'),
              h('button', { type: 'button', class: 'btn btn-secondary btn-small', 'aria-label': `Tải về ${label}`, onclick: () => void download(url, a.fileName) }, 'Tải về'),
            ),
          );
        })
      : h('li', { class: 'muted' }, h('span', { class: 'badge badge-warn' }, 'Thiếu'), ' Chưa có giấy tờ kèm theo.'),
  );
  const documents = Array.isArray(d.documents) ? d.documents : [];
  replace(
    $('#documents'),
    documents.length
      ? documents.map((doc) =>
          h(
            'li',
            { class: 'file-row' },
            h('span', {}, doc.title || doc.kind, doc.number ? ` số ${doc.number}` : '', doc.issuedAt ? h('span', { class: 'muted' }, ` · ${dateTime(doc.issuedAt)}`) : null),
            doc.downloadUrl
              ? h('span', { class: 'actions' },
                  h('button', { type: 'button', class: 'btn btn-secondary btn-small', 'aria-label': `Xem ${doc.title || doc.kind}`, onclick: () => void view(doc.downloadUrl, doc.title || doc.kind) }, 'Xem'),
                  h('button', { type: 'button', class: 'btn btn-secondary btn-small', 'aria-label': `Tải về ${doc.title || doc.kind}`, onclick: () => void download(doc.downloadUrl, `${doc.kind || 'van-ban'}.pdf`) }, 'Tải về'))
              : null,
          ),
        )
      : h('li', { class: 'muted' }, 'Chưa có văn bản nào.'),
  );
}

/** Director and center head read the would-be decision (watermarked "DỰ THẢO") before approving or denying. */
function renderPreview(d) {
  const role = staffSession.claims.role;
  const can = (role === 'director' || role === 'center_head') && ['REVIEWED', 'PROPOSED'].includes(d.status);
  if (!can) return replace($('#preview'));
  const deny = d.review && d.review.recommendation === 'deny';
  const first = deny ? ['refusal', 'Xem dự thảo thông báo không hưởng'] : ['approval', 'Xem dự thảo quyết định hưởng'];
  const second = deny ? ['approval', 'Dự thảo quyết định hưởng'] : ['refusal', 'Dự thảo thông báo không hưởng'];
  replace(
    $('#preview'),
    h('p', {}, 'Đọc văn bản sẽ ban hành trước khi quyết định (bản dự thảo, chưa có số và chữ ký).'),
    h(
      'p',
      { class: 'actions' },
      h('button', { type: 'button', class: 'btn btn-primary', 'data-testid': 'preview-decision', onclick: () => void view(`${path}/decision/preview?kind=${first[0]}`, first[1].replace('Xem d', 'D')) }, first[1]),
      h('button', { type: 'button', class: 'link-button', onclick: () => void view(`${path}/decision/preview?kind=${second[0]}`, second[1]) }, second[1]),
    ),
  );
}

function fieldControl(actionKey, field, d) {
  const id = `${actionKey}-${field}`;
  const label = FIELD_LABELS[field] || field;
  if (field === 'recommendation') {
    // No choice made for the reviewer: the automatic verdict is shown next to the two options.
    const a = d.assessment;
    return h(
      'fieldset',
      { class: 'radios', 'aria-describedby': `${id}-hint` },
      h('legend', { class: 'label' }, label),
      h('p', { class: 'field-hint', id: `${id}-hint` }, a ? `Kết quả xét tự động: ${a.eligible ? 'đủ điều kiện hưởng' : 'chưa đủ điều kiện hưởng'}.` : 'Chưa có kết quả xét tự động.'),
      h('label', {}, h('input', { type: 'radio', name: 'recommendation', value: 'approve', id: `${id}-approve` }), ' Đề xuất hưởng'),
      h('label', {}, h('input', { type: 'radio', name: 'recommendation', value: 'deny', id: `${id}-deny` }), ' Đề xuất không hưởng'),
    );
  }
  const control = h('div', { class: 'field' }, h('label', { for: id }, label), h('textarea', { id, name: field, rows: field === 'note' ? '2' : '3' }));
  if (field !== 'note' || actionKey === 'request_supplement') return control;
  // A staff note is internal unless marked for the citizen (then the citizen and the national portal see it).
  return [control, h('label', { class: 'checkbox' }, h('input', { type: 'checkbox', name: 'noteForCitizen', id: `${id}-citizen` }), ' Công dân được xem ghi chú này')];
}

function buttonClass(action) {
  if (action === 'approve') return 'btn btn-approve';
  if (action === 'deny' || action === 'reject_intake') return 'btn btn-deny';
  return 'btn btn-primary';
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
      fields.map((f) => fieldControl(a.action, f, d)),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: buttonClass(a.action) }, a.label || a.action)),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void perform(form, a, fields);
    });
    return form;
  });
  if (d.canRevokeDecision) forms.push(revokeForm(d));
  replace(box, forms.length ? forms : h('p', { class: 'muted' }, 'Bạn không có thao tác nào với hồ sơ ở trạng thái này.'));
}

/** Asks once more, inside the form, before a step that decides for a person; resolves to the answer. */
function confirmInForm(form, tone, question, confirmLabel) {
  return new Promise((resolve) => {
    const existing = form.querySelector('.confirm-box');
    if (existing) existing.remove();
    const yes = h('button', { type: 'button', class: tone === 'approve' ? 'btn btn-approve' : 'btn btn-deny' }, confirmLabel);
    const no = h('button', { type: 'button', class: 'btn btn-secondary' }, 'Hủy');
    const box = h('div', { class: `confirm-box ${tone}`, role: 'alertdialog', 'aria-labelledby': `${form.dataset.action}-confirm-q`, tabindex: '-1' },
      h('p', { id: `${form.dataset.action}-confirm-q` }, h('strong', {}, question)),
      h('div', { class: 'actions' }, yes, no));
    const submit = form.querySelector('button[type="submit"]');
    submit.hidden = true;
    form.append(box);
    box.focus();
    const finish = (answer) => {
      box.remove();
      submit.hidden = false;
      if (!answer) submit.focus();
      resolve(answer);
    };
    yes.addEventListener('click', () => finish(true));
    no.addEventListener('click', () => finish(false));
  });
}

function revokeForm(d) {
  const form = h(
    'form',
    { class: 'form action-card', 'data-action': 'revoke_decision', novalidate: true },
    h('h3', {}, 'Thu hồi quyết định'),
    h('p', { class: 'muted' }, `Quyết định số ${d.decision.number} sẽ không còn hiệu lực; trang kiểm tra và công dân sẽ thấy việc thu hồi.`),
    fieldControl('revoke_decision', 'reason', d),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn-deny' }, 'Thu hồi quyết định')),
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
    if (!(await confirmInForm(form, 'deny', `Thu hồi quyết định số ${d.decision.number}?`, 'Xác nhận thu hồi'))) return;
    const button = form.querySelector('button[type="submit"]');
    const res = await busy(button, () => staffApi(`${path}/decision/revoke`, { method: 'POST', body: { reason } }));
    if (res.ok) {
      const fresh = await staffApi(path);
      if (fresh.ok) render(fresh.data);
      announce(`Đã thu hồi quyết định số ${d.decision.number}.`);
      return;
    }
    if (res.status === 400 && Array.isArray(res.problem.errors) && res.problem.errors.length) return showErrors(form, res.problem.errors, null);
    showError(res);
  });
  return form;
}

/** After a step: what was done, and what comes next (status region + a visible line at the top). */
function announce(done) {
  const next = NEXT_STEP[dossier.status] || '';
  setStatus(done);
  const line = $('#next-step');
  line.textContent = `${done} ${next}`.trim();
  line.hidden = false;
  focusRegion(line);
}

async function perform(form, action, fields) {
  clearError();
  clearErrors(form, null);
  const values = readForm(form);
  const errors = [];
  if (fields.includes('recommendation') && !values.recommendation)
    errors.push({ field: 'recommendation', message: 'Vui lòng chọn đề xuất hưởng hoặc không hưởng.' });
  if (fields.includes('reason') && !values.reason) errors.push({ field: 'reason', message: 'Vui lòng nhập lý do.' });
  if (fields.includes('overrideReason') && values.overrideReason !== undefined && !values.overrideReason)
    errors.push({ field: 'overrideReason', message: 'Vui lòng nhập lý do điều chỉnh.' });
  if (fields.includes('items') && !values.items) errors.push({ field: 'items', message: 'Vui lòng nêu giấy tờ cần bổ sung.' });
  if (errors.length) {
    showErrors(form, errors, null);
    const invalid = form.querySelector('[aria-invalid="true"]');
    if (invalid) invalid.focus();
    return;
  }
  const confirm = CONFIRMED[action.action];
  if (confirm && !(await confirmInForm(form, confirm.tone, confirm.question(dossier), `Xác nhận: ${action.label}`))) return;
  const body = { action: action.action, expectedVersion: dossier.version };
  for (const f of fields) {
    if (values[f] === undefined) continue;
    body[f] = f === 'items' ? values.items.split('\n').map((s) => s.trim()).filter(Boolean) : values[f];
  }
  if (body.note) body.noteVisibility = values.noteForCitizen ? 'citizen' : 'internal';
  const button = form.querySelector('button[type="submit"]');
  const res = await busy(button, () => staffApi(`${path}/actions`, { method: 'POST', body }));
  if (res.ok && res.data) {
    render(res.data);
    announce(`Đã thực hiện: ${action.label || action.action}.`);
    return;
  }
  if (res.status === 409) {
    showError(`${res.problem.title || 'Hồ sơ đã được cập nhật bởi người khác'}. Đã tải lại hồ sơ, vui lòng kiểm tra rồi thao tác lại.`);
    const fresh = await staffApi(path);
    if (fresh.ok) render(fresh.data);
    return;
  }
  if (res.status === 400 && Array.isArray(res.problem.errors) && res.problem.errors.length) return showErrors(form, res.problem.errors, null);
  showError(res);
}

if (requireStaff()) void load();
