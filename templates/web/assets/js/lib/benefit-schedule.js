import { api } from './api.js';
import { $, focusRegion, h, replace } from './dom.js';
import { busy, clearErrors, showErrors } from './forms.js';
import { date, dateTime } from './format.js';
import { isoFromParts, partsFromIso } from './dates.js';

/**
 * The citizen's benefit period on the dossier page (GET /api/v1/dossiers/{id}/benefit): the months with their
 * notice windows and states, the next window with a countdown counted from the service's own day, what a missed
 * window means, and the monthly job-search notice form (POST /api/v1/dossiers/{id}/job-search-notices).
 */
const MONTH_STATES = {
  upcoming: 'Chưa đến hạn thông báo',
  open: 'Đang trong hạn thông báo',
  notified: 'Đã thông báo',
  missed: 'Không thông báo đúng hạn',
  suspended: 'Tạm dừng hưởng',
  cancelled: 'Không hưởng (đã chấm dứt)',
  paid: 'Đã chi trả',
};
const STATUSES = {
  not_started: 'Chưa đến tháng hưởng đầu tiên',
  active: 'Đang hưởng trợ cấp',
  suspended: 'Đang tạm dừng hưởng trợ cấp',
  terminated: 'Đã chấm dứt hưởng trợ cấp',
  transferred: 'Đã chuyển nơi hưởng',
  completed: 'Đã hưởng hết thời gian',
};
const OUTCOMES = [
  ['applied', 'Đã nộp hồ sơ xin việc'],
  ['interviewed', 'Đã phỏng vấn'],
  ['offered', 'Được nhận, đang chờ ký hợp đồng'],
  ['rejected', 'Không được nhận'],
  ['waiting', 'Đang chờ trả lời'],
];

const DAY = 86_400_000;
const dayNumber = (iso) => Date.parse(`${iso}T00:00:00Z`) / DAY;
export const daysBetween = (from, to) => Math.round(dayNumber(to) - dayNumber(from));

/** "Còn 3 ngày …": the next window as the citizen reads it, counted from `today` (the service's day). */
export function countdown(next, today) {
  if (!next) return '';
  if (today < next.from) {
    const n = daysBetween(today, next.from);
    return `Còn ${n} ngày nữa đến hạn thông báo tìm kiếm việc làm của tháng hưởng thứ ${next.month} (từ ${date(next.from)} đến hết ${date(next.to)}).`;
  }
  const left = daysBetween(today, next.to) + 1;
  return `Đang trong hạn: bạn còn ${left} ngày (đến hết ngày ${date(next.to)}) để thông báo tìm kiếm việc làm của tháng hưởng thứ ${next.month}.`;
}

export async function renderBenefitSchedule(section, dossierId) {
  const path = `/api/v1/dossiers/${encodeURIComponent(dossierId)}`;
  const res = await api(`${path}/benefit`);
  section.hidden = !res.ok;
  if (!res.ok) return undefined;
  const b = res.data;
  const running = ['not_started', 'active', 'suspended'].includes(b.status);
  const noticeable = b.months.filter((m) => m.state === 'open' || m.state === 'upcoming');
  replace(
    section,
    h('h2', { id: 'benefit-title' }, 'Lịch thông báo tìm kiếm việc làm'),
    h('p', { class: 'lead', 'data-testid': 'benefit-status' }, STATUSES[b.status] || b.status),
    b.nextNotice
      ? h('p', { class: 'alert alert-warn', 'data-testid': 'benefit-countdown' }, countdown(b.nextNotice, b.today))
      : null,
    running
      ? h(
          'p',
          { 'data-testid': 'benefit-missed-rule' },
          h('strong', {}, 'Nếu bạn không thông báo đúng hạn: '),
          'bạn bị tạm dừng hưởng trợ cấp của tháng đó. Tháng sau, nếu bạn thông báo đúng hạn, bạn được tiếp tục hưởng. Không thông báo 03 tháng liên tục, bạn bị chấm dứt hưởng trợ cấp thất nghiệp (Điều 41 Luật Việc làm năm 2025).',
        )
      : null,
    b.termination
      ? h('p', {}, `Chấm dứt hưởng từ ngày ${date(b.termination.effectiveDate)}. Số tháng đóng bảo hiểm thất nghiệp được bảo lưu: ${b.termination.reservedMonths} tháng.`)
      : null,
    h(
      'div',
      { class: 'table-wrap', role: 'region', 'aria-labelledby': 'benefit-title', tabindex: '0' },
      h(
        'table',
        { class: 'table stack', 'data-testid': 'benefit-months' },
        h('caption', { class: 'visually-hidden' }, 'Các tháng hưởng, hạn thông báo và tình trạng'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Tháng'), h('th', { scope: 'col' }, 'Thời gian hưởng'), h('th', { scope: 'col' }, 'Hạn thông báo'), h('th', { scope: 'col' }, 'Tình trạng'))),
        h(
          'tbody',
          {},
          b.months.map((m) =>
            h(
              'tr',
              { 'data-month': m.month, 'data-state': m.state },
              h('td', { 'data-label': 'Tháng' }, h('strong', {}, `Tháng thứ ${m.month}`)),
              h('td', { 'data-label': 'Thời gian hưởng' }, `${date(m.from)} – ${date(m.to)}`),
              h('td', { 'data-label': 'Hạn thông báo' }, `${date(m.noticeWindow.from)} – ${date(m.noticeWindow.to)}`),
              h('td', { 'data-label': 'Tình trạng' }, MONTH_STATES[m.state] || m.state, m.notice ? h('span', { class: 'muted' }, ` (số tiếp nhận ${m.notice.receiptNumber}, ${dateTime(m.notice.filedAt)})`) : null),
            ),
          ),
        ),
      ),
    ),
    Array.isArray(b.documents) && b.documents.length
      ? [
          h('h3', {}, 'Quyết định trong thời gian hưởng'),
          h('ul', { class: 'file-list' }, b.documents.map((d) => h('li', {}, h('a', { href: d.downloadUrl }, d.title), d.number ? ` — số ${d.number}` : ''))),
        ]
      : null,
    running && noticeable.length ? noticeForm(path, noticeable, b, section, dossierId) : null,
    h('div', { id: 'notice-receipt', role: 'status', 'aria-live': 'polite' }),
  );
  return b.status;
}

/** Day / month / year typed separately (never the browser's date control), prefilled with the service's day. */
function dateParts(id, name, label, iso) {
  const value = partsFromIso(iso);
  const part = (key, text, width) =>
    h('div', {}, h('label', { for: `${id}-${key}` }, text), h('input', { type: 'text', id: `${id}-${key}`, name: `${name}.${key}`, inputmode: 'numeric', maxlength: width, autocomplete: 'off', size: width, value: value[key] }));
  return h(
    'div',
    { class: 'field' },
    h(
      'fieldset',
      { class: 'date-group', 'aria-describedby': `${id}-hint` },
      h('legend', { class: 'label' }, label),
      h('p', { class: 'field-hint', id: `${id}-hint` }, 'Ví dụ: 30 / 10 / 2026'),
      h('div', { class: 'date-parts' }, part('day', 'Ngày', 2), part('month', 'Tháng', 2), part('year', 'Năm', 4)),
    ),
  );
}

function noticeForm(path, months, benefit, section, dossierId) {
  const next = benefit.nextNotice;
  const summary = h('div', { class: 'error-summary', id: 'notice-error', tabindex: '-1', hidden: true }, h('p', {}, 'Thông báo chưa được gửi:'), h('ul'));
  const field = (id, label, control) => h('div', { class: 'field' }, h('label', { for: id }, label), control);
  const form = h(
    'form',
    { id: 'notice-form', class: 'form', novalidate: true },
    h('h3', { id: 'notice-form-title' }, 'Thông báo tìm kiếm việc làm'),
    h('p', { class: 'muted' }, 'Kê khai ít nhất một lần bạn đã liên hệ tìm việc trong tháng (theo Mẫu số 24).'),
    summary,
    field(
      'notice-month',
      'Tháng hưởng',
      h('select', { id: 'notice-month', name: 'month' }, months.map((m) => h('option', { value: m.month, selected: next && next.month === m.month }, `Tháng thứ ${m.month} (hạn ${date(m.noticeWindow.from)} – ${date(m.noticeWindow.to)})`))),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Hoạt động tìm việc'),
      field('notice-employer', 'Đơn vị bạn liên hệ', h('input', { type: 'text', id: 'notice-employer', name: 'activities[0].employer', autocomplete: 'organization', maxlength: 200 })),
      field('notice-position', 'Vị trí công việc', h('input', { type: 'text', id: 'notice-position', name: 'activities[0].position', maxlength: 200 })),
      dateParts('notice-contactedOn', 'activities[0].contactedOn', 'Ngày liên hệ', benefit.today),
      field('notice-outcome', 'Kết quả', h('select', { id: 'notice-outcome', name: 'activities[0].outcome' }, OUTCOMES.map(([value, label]) => h('option', { value }, label)))),
    ),
    field('notice-note', 'Ghi chú (nếu có)', h('textarea', { id: 'notice-note', name: 'note', rows: 2, maxlength: 2000 })),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn-primary' }, 'Gửi thông báo')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form, summary);
    const value = (name) => form.elements[name].value.trim();
    const activity = {
      employer: value('activities[0].employer'),
      position: value('activities[0].position'),
      contactedOn: isoFromParts({
        day: value('activities[0].contactedOn.day'),
        month: value('activities[0].contactedOn.month'),
        year: value('activities[0].contactedOn.year'),
      }),
      outcome: value('activities[0].outcome'),
    };
    const missing = [
      ['employer', 'Vui lòng nhập đơn vị bạn đã liên hệ.'],
      ['position', 'Vui lòng nhập vị trí công việc.'],
      ['contactedOn', 'Vui lòng nhập ngày liên hệ có thật (ngày / tháng / năm).'],
    ].filter(([key]) => !activity[key]);
    if (missing.length) return showErrors(form, missing.map(([key, message]) => ({ field: `activities[0].${key}`, message })), summary);
    const body = { month: Number(value('month')), activities: [activity] };
    if (value('note')) body.note = value('note');
    const button = form.querySelector('button[type="submit"]');
    const res = await busy(button, () => api(`${path}/job-search-notices`, { method: 'POST', body }));
    if (!res.ok) {
      const errors = Array.isArray(res.problem.errors) && res.problem.errors.length
        ? res.problem.errors
        : [{ field: 'month', message: res.problem.detail || res.problem.title }];
      return showErrors(form, errors, summary);
    }
    await renderBenefitSchedule(section, dossierId);
    const receipt = $('#notice-receipt', section);
    replace(
      receipt,
      h('p', { class: 'alert alert-ok', 'data-testid': 'notice-receipt' }, `Đã nhận thông báo tìm kiếm việc làm tháng hưởng thứ ${res.data.month}. Số tiếp nhận: `, h('strong', {}, res.data.receiptNumber), ` (${dateTime(res.data.filedAt)}).`),
    );
    focusRegion(receipt);
  });
  return form;
}
