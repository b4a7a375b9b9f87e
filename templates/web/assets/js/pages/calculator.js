import { api } from '../lib/api.js';
import { $, focusRegion, replace } from '../lib/dom.js';
import { busy, clearErrors, readForm, showErrors } from '../lib/forms.js';
import { renderAssessment } from '../lib/assessment.js';
import { clearError, showError } from '../lib/page.js';
import { todayIso } from '../lib/format.js';

const form = $('#calc-form');
const summary = $('#error-summary');
const result = $('#result');
$('#filingDate').value = todayIso();

/** Client-side checks (same wording as the API); returns [{field, message}]. */
export function validate(values) {
  const errors = [];
  const isDate = (v) => /^\d{4}-\d{2}-\d{2}$/.test(v || '') && !Number.isNaN(Date.parse(v));
  if (!isDate(values.terminationDate)) errors.push({ field: 'terminationDate', message: 'Vui lòng nhập ngày chấm dứt hợp đồng.' });
  if (!isDate(values.filingDate)) errors.push({ field: 'filingDate', message: 'Vui lòng nhập ngày nộp hồ sơ.' });
  else if (isDate(values.terminationDate) && values.filingDate < values.terminationDate)
    errors.push({ field: 'filingDate', message: 'Ngày nộp hồ sơ không được trước ngày chấm dứt hợp đồng.' });
  if (!values.terminationReason) errors.push({ field: 'terminationReason', message: 'Vui lòng chọn lý do chấm dứt.' });
  if (!values.contractType) errors.push({ field: 'contractType', message: 'Vui lòng chọn loại hợp đồng.' });
  const salary = toInt(values.salary);
  if (salary === null || salary <= 0) errors.push({ field: 'salary', message: 'Tiền lương phải là số nguyên dương, tính bằng đồng.' });
  const count = toInt(values.months);
  if (count === null || count < 1 || count > 600) errors.push({ field: 'months', message: 'Số tháng đóng phải là số nguyên từ 1 đến 600.' });
  const reserved = values.priorReservedMonths === undefined ? 0 : toInt(values.priorReservedMonths);
  if (reserved === null || reserved < 0) errors.push({ field: 'priorReservedMonths', message: 'Số tháng bảo lưu phải là số nguyên không âm.' });
  return errors;
}

function toInt(v) {
  if (v === undefined || v === null) return null;
  const digits = String(v).replace(/[.,\s]/g, '');
  return /^\d+$/.test(digits) ? Number(digits) : null;
}

/** `count` months of contributions at `salary`, ending with the termination month. */
function contributions(terminationDate, count, salary) {
  let [y, m] = terminationDate.split('-').map(Number);
  const out = [];
  for (let i = 0; i < count; i++) {
    out.unshift({ month: `${y}-${String(m).padStart(2, '0')}`, salary });
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearError();
  const values = readForm(form);
  const errors = validate(values);
  if (errors.length) {
    result.hidden = true;
    showErrors(form, errors, summary);
    return;
  }
  clearErrors(form, summary);
  const body = {
    terminationDate: values.terminationDate,
    filingDate: values.filingDate,
    terminationReason: values.terminationReason,
    contractType: values.contractType,
    salaryRegime: values.salaryRegime || 'employer',
    zone: values.zone,
    priorReservedMonths: toInt(values.priorReservedMonths) || 0,
    contributions: contributions(values.terminationDate, toInt(values.months), toInt(values.salary)),
  };
  const button = form.querySelector('button[type="submit"]');
  const res = await busy(button, () => api('/api/v1/eligibility/assessments', { method: 'POST', body }));
  if (res.ok) {
    replace($('#result-body'), renderAssessment(res.data));
    result.hidden = false;
    focusRegion(result);
  } else if (res.status === 400 && Array.isArray(res.problem.errors)) {
    // `contributions[…]` errors land on the salary field.
    const mapped = res.problem.errors.map((e) => ({ ...e, field: /^contributions/.test(e.field) ? 'salary' : e.field }));
    showErrors(form, mapped, summary);
  } else {
    showError(res);
  }
});
