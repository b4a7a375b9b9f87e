import { api } from '../lib/api.js';
import { $, facts, focusRegion, h, pageData, replace } from '../lib/dom.js';
import { busy, clearErrors, showErrors } from '../lib/forms.js';
import { renderAssessment } from '../lib/assessment.js';
import { renderAttachments, renderDocuments, renderTimeline } from '../lib/dossier-view.js';
import { centerLabel, loadCenters } from '../lib/centers.js';
import { channelLabel, date, dateTime, statusLabel } from '../lib/format.js';
import { citizenSignedIn, clearError, setStatus, showCitizenLogin, showError } from '../lib/page.js';

const id = pageData().id;
const path = `/api/v1/dossiers/${encodeURIComponent(id)}`;
const DECIDED = ['APPROVED', 'DENIED', 'RESULT_RETURNED'];
const CLOSED = [...DECIDED, 'REJECTED', 'WITHDRAWN', 'REVOKED'];
let dossier = null;

async function load() {
  setStatus('Đang tải hồ sơ…');
  const [res] = await Promise.all([api(path), loadCenters()]);
  setStatus('');
  if (res.status === 401) return showCitizenLogin();
  if (res.status === 404) return showError('Không tìm thấy hồ sơ này trong danh sách hồ sơ của bạn.');
  if (!res.ok) return showError(res);
  citizenSignedIn();
  render(res.data);
}

function render(d) {
  dossier = d;
  $('#dossier-code').textContent = d.code || '';
  document.title = `Hồ sơ ${d.code || ''} · Dịch vụ công trực tuyến`;
  facts($('#summary'), [
    ['Mã hồ sơ', d.code],
    ['Trạng thái', h('strong', { 'data-testid': 'dossier-status' }, statusLabel(d.status, d.statusLabel))],
    ['Ngày nộp', dateTime(d.filedAt)],
    ['Ngày tiếp nhận', dateTime(d.receivedAt)],
    ['Ngày hẹn trả kết quả', date(d.dueDate) || 'Có sau khi hồ sơ được tiếp nhận'],
    ['Nơi giải quyết', centerLabel(d.centerCode)],
    ['Kênh nộp', channelLabel(d.channel)],
  ]);

  const supplementOpen = d.status === 'SUPPLEMENT_REQUESTED';
  $('#supplement').hidden = !supplementOpen;
  if (supplementOpen) {
    const req = d.supplementRequest || {};
    replace(
      $('#supplement-request'),
      req.requestedAt ? h('p', { class: 'muted' }, `Yêu cầu ngày ${dateTime(req.requestedAt)}`) : null,
      req.note ? h('p', {}, req.note) : null,
      Array.isArray(req.items) && req.items.length
        ? h('ul', {}, req.items.map((i) => h('li', {}, typeof i === 'string' ? i : i.label || i.description || i.kind || '')))
        : null,
    );
  }

  // `decision` stays null until the documents worker has issued the signed PDF (shortly after the approval).
  const decision = d.decision;
  const decided = DECIDED.includes(d.status) || Boolean(decision);
  $('#decision').hidden = !decided;
  if (decided) {
    replace(
      $('#decision-body'),
      d.decisionNote ? h('p', {}, d.decisionNote) : null,
      decision
        ? [
            decision.status === 'revoked'
              ? h(
                  'p',
                  { class: 'alert alert-error', 'data-testid': 'decision-revoked' },
                  `Quyết định này đã bị thu hồi ngày ${dateTime(decision.revokedAt)}. Lý do: ${decision.revocationReason}`,
                )
              : null,
            facts(h('dl', { class: 'facts' }), [
              ['Loại quyết định', decision.kind === 'refusal' ? 'Quyết định không hưởng trợ cấp thất nghiệp' : 'Quyết định hưởng trợ cấp thất nghiệp'],
              ['Số quyết định', h('span', { 'data-testid': 'decision-number' }, decision.number)],
              ['Ngày ban hành', dateTime(decision.issuedAt)],
              ['Mã kiểm tra', h('a', { href: `/verify/${encodeURIComponent(decision.verificationCode)}` }, decision.verificationCode)],
              ['Mã băm SHA-256', h('code', { class: 'code' }, decision.sha256)],
            ]),
            h(
              'p',
              {},
              h('a', { class: 'btn btn-primary', href: `${path}/decision/pdf`, download: '', 'data-testid': 'decision-download' }, 'Tải quyết định (PDF có chữ ký số)'),
            ),
          ]
        : h('p', { class: 'muted', 'data-testid': 'decision-pending' }, 'Quyết định đang được ký số và phát hành. Vui lòng tải lại trang sau ít phút.'),
    );
  }

  const showAssessment = d.assessment && d.assessment.eligible !== undefined;
  $('#assessment').hidden = !showAssessment;
  if (showAssessment) replace($('#assessment-body'), renderAssessment(d.assessment));

  renderTimeline($('#timeline'), d.history);
  renderAttachments($('#attachments'), d.attachments, (a) => `${path}/attachments/${encodeURIComponent(a.id)}`);
  renderDocuments($('#documents'), d.documents);
  $('#withdraw').hidden = CLOSED.includes(d.status);
  $('#detail').hidden = false;
}

$('#supplement-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  clearError();
  const form = event.currentTarget;
  const errorBox = $('#supplement-error');
  clearErrors(form, errorBox);
  const note = form.elements.note.value.trim();
  const file = form.elements.file.files[0];
  if (!note && !file) return showErrors(form, [{ field: 'note', message: 'Vui lòng nhập nội dung hoặc đính kèm giấy tờ bổ sung.' }], errorBox);
  const button = form.querySelector('button[type="submit"]');
  await busy(button, async () => {
    if (file) {
      const data = new FormData();
      data.append('kind', 'supplement');
      data.append('file', file, file.name);
      const up = await api(`${path}/attachments`, { method: 'POST', form: data });
      if (!up.ok) return showErrors(form, [{ field: 'file', message: up.problem.detail || up.problem.title }], errorBox);
    }
    const body = { expectedVersion: dossier.version };
    if (note) body.note = note;
    const res = await api(`${path}/supplement`, { method: 'POST', body });
    if (res.status === 400 && Array.isArray(res.problem.errors)) return showErrors(form, res.problem.errors, errorBox);
    if (!res.ok) return showError(res);
    form.reset();
    await reload('Đã gửi nội dung bổ sung.');
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
  if (res.ok) render(res.data);
  setStatus(message);
  focusRegion($('#summary-title'));
}

void load();
