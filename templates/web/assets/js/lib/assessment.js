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

/** The calculator's response (docs/api.md) as a readable block: verdict, amounts, reasons and periods. */
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

/** The amount was limited by the legal maximum (60% of the average salary is above the cap). */
export function isCapped(a) {
  return Boolean(a && a.eligible && a.cap && a.monthlyBenefit >= a.cap && Math.round(a.averageSalary * 0.6) > a.cap);
}

/** What a person told "not eligible" can do, one line per reason (and when there is no insurance record). */
export function ineligibleAdvice(a, noInsuranceRecord) {
  const codes = new Set((a && Array.isArray(a.reasons) ? a.reasons : []).map((r) => r.code));
  const advice = [];
  if (noInsuranceRecord)
    advice.push('Chưa có dữ liệu đóng bảo hiểm thất nghiệp của bạn: hỏi đơn vị cũ hoặc cơ quan bảo hiểm xã hội, chuẩn bị sổ bảo hiểm xã hội hoặc xác nhận thời gian đóng để kèm hồ sơ.');
  if (codes.has('insufficient_contributions'))
    advice.push('Số tháng đã đóng bảo hiểm thất nghiệp không mất đi: được cộng dồn cho lần hưởng sau khi bạn tiếp tục làm việc và đóng đủ số tháng cần thiết.');
  if (codes.has('filed_late'))
    advice.push('Hồ sơ nộp quá hạn: thời gian đóng bảo hiểm thất nghiệp của bạn được bảo lưu để tính cho lần hưởng sau.');
  if (codes.has('unlawful_termination'))
    advice.push('Nếu việc chấm dứt hợp đồng của bạn là đúng pháp luật, hãy chọn lại lý do cho đúng và kèm giấy tờ chứng minh.');
  if (codes.has('pension_eligible') || codes.has('receiving_pension'))
    advice.push('Người đã đủ điều kiện hoặc đang hưởng lương hưu không hưởng trợ cấp thất nghiệp: liên hệ cơ quan bảo hiểm xã hội về chế độ hưu trí.');
  if (codes.has('filing_before_termination'))
    advice.push('Chỉ nộp hồ sơ từ sau ngày chấm dứt hợp đồng: kiểm tra lại ngày bạn đã nhập.');
  if (!advice.length) advice.push('Nếu bạn cho rằng dữ liệu chưa đúng, hãy liên hệ trung tâm dịch vụ việc làm trước khi nộp.');
  return advice;
}
