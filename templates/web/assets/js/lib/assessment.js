import { h, facts } from './dom.js';
import { money, date, months } from './format.js';

const REGIMES = {
  'VN-2025': 'Luật Việc làm 74/2025/QH15, Nghị định 374/2025/NĐ-CP',
  'VN-2013': 'Luật Việc làm 38/2013/QH13, Nghị định 28/2015/NĐ-CP',
};

/** A date resting on a calendar year not announced yet (response `projectedFields`) is an estimate. */
function dated(a, field, value) {
  const text = date(value);
  const projected = Array.isArray(a.projectedFields) && a.projectedFields.includes(field);
  return text && projected ? `${text} (dự kiến)` : text;
}

/** The calculator's response (API.md) as a readable block: verdict, amounts, reasons and periods. */
export function renderAssessment(a) {
  if (!a || typeof a !== 'object') return h('p', { class: 'muted' }, 'Chưa có kết quả tính.');
  const verdict = a.eligible
    ? h('p', {}, h('span', { class: 'badge badge-ok' }, 'Đủ điều kiện hưởng'))
    : h('p', {}, h('span', { class: 'badge badge-err' }, 'Chưa đủ điều kiện hưởng'));
  const amount = a.eligible
    ? h(
        'p',
        {},
        'Mức hưởng hằng tháng: ',
        h('span', { class: 'big-number', 'data-testid': 'monthly-benefit' }, money(a.monthlyBenefit)),
        a.benefitMonths ? ` trong ${a.benefitMonths} tháng` : '',
      )
    : null;
  const dl = facts(h('dl', { class: 'facts' }), [
    ['Căn cứ áp dụng', REGIMES[a.regime] || a.regime],
    ['Số tháng đóng trong khoảng xét', months(a.contributionMonthsInWindow)],
    ['Tổng số tháng đóng được tính', months(a.totalContributionMonths)],
    ['Bình quân tiền lương 6 tháng gần nhất', money(a.averageSalary)],
    ['Mức hưởng tối đa', money(a.cap)],
    ['Thời gian hưởng', months(a.benefitMonths)],
    ['Hưởng từ ngày', dated(a, 'entitlementStart', a.entitlementStart)],
    ['Đến ngày', dated(a, 'entitlementEnd', a.entitlementEnd)],
    ['Số tháng đóng được bảo lưu', a.reservedMonthsAfter === undefined ? '' : months(a.reservedMonthsAfter)],
    ['Hạn nộp hồ sơ', dated(a, 'filingDeadline', a.filingDeadline)],
  ]);
  const projected = Array.isArray(a.projectedYears) && a.projectedYears.length
    ? h(
        'p',
        { class: 'muted', 'data-testid': 'projected-calendar' },
        `Ngày ghi "(dự kiến)" được tính theo lịch nghỉ lễ năm ${a.projectedYears.join(', ')} chưa được công bố chính thức; ngày có thể thay đổi khi Nhà nước công bố lịch nghỉ.`,
      )
    : null;
  const reasons = Array.isArray(a.reasons) && a.reasons.length
    ? h(
        'div',
        {},
        h('h3', {}, a.eligible ? 'Lưu ý' : 'Lý do'),
        h('ul', { class: 'conditions' }, a.reasons.map((r) => h('li', {}, r.message || r.code))),
      )
    : null;
  const conditions = Array.isArray(a.conditions) && a.conditions.length
    ? h(
        'div',
        {},
        h('h3', {}, 'Các điều kiện đã xét'),
        h(
          'ul',
          { class: 'conditions' },
          a.conditions.map((c) =>
            h(
              'li',
              {},
              // AssessmentCondition (src/eligibility/domain/assessment.ts): {code, passed, message}
              h('span', { class: `badge ${c.passed ? 'badge-ok' : 'badge-err'}`, 'data-condition': c.code }, c.passed ? 'Đạt' : 'Không đạt'),
              ' ',
              c.message || c.code,
            ),
          ),
        ),
      )
    : null;
  const periods = Array.isArray(a.periods) && a.periods.length
    ? h(
        'div',
        {},
        h('h3', {}, 'Các tháng hưởng'),
        h(
          'div',
          { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Các tháng hưởng' },
          h(
            'table',
            { class: 'table' },
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Tháng'), h('th', { scope: 'col' }, 'Từ ngày'), h('th', { scope: 'col' }, 'Đến ngày'))),
            h('tbody', {}, a.periods.map((p, i) => h('tr', {}, h('td', {}, String(i + 1)), h('td', {}, dated(a, 'periods', p.from)), h('td', {}, dated(a, 'periods', p.to))))),
          ),
        ),
      )
    : null;
  return h('div', { class: 'assessment' }, verdict, amount, dl, projected, conditions, reasons, periods);
}
