import { FieldError, DomainError } from '../../platform/errors/domain-error';
import { isIsoDate, isIsoMonth } from '../../calendar/iso-date';
import { AssessmentInput, CONTRACT_TYPES, SALARY_REGIMES, TERMINATION_REASONS } from './assessment';
import { ZONES } from './legal-rules';

const MAX_CONTRIBUTIONS = 1200;
const MAX_SALARY = 1_000_000_000_000;
const MAX_RESERVED_MONTHS = 1200;

/**
 * Checks a calculator request the way the engine needs it; throws DomainError.validation with one error per
 * field (Vietnamese message, stable code) so callers outside HTTP get the same answer as the API.
 */
export function assertValidAssessmentInput(input: AssessmentInput): void {
  const errors: FieldError[] = [];
  const value = (input ?? {}) as unknown as Record<string, unknown>;

  for (const field of ['terminationDate', 'filingDate'] as const) {
    if (value[field] === undefined || value[field] === null) {
      errors.push({ field, code: 'required', message: 'Bắt buộc nhập ngày (YYYY-MM-DD).' });
    } else if (!isIsoDate(value[field])) {
      errors.push({ field, code: 'invalid_date', message: 'Ngày không hợp lệ, cần định dạng YYYY-MM-DD.' });
    }
  }
  const decisionDate = value.decisionDate;
  if (decisionDate !== undefined && decisionDate !== null) {
    if (!isIsoDate(decisionDate)) {
      errors.push({
        field: 'decisionDate',
        code: 'invalid_date',
        message: 'Ngày ra quyết định không hợp lệ, cần định dạng YYYY-MM-DD.',
      });
    } else if (isIsoDate(value.filingDate) && decisionDate < value.filingDate) {
      errors.push({
        field: 'decisionDate',
        code: 'before_filing',
        message: 'Ngày ra quyết định không được trước ngày nộp hồ sơ.',
      });
    }
  }
  const pension = value.pensionEligible;
  if (pension !== undefined && pension !== null && typeof pension !== 'boolean') {
    errors.push({
      field: 'pensionEligible',
      code: 'invalid_value',
      message: 'Trường đủ điều kiện hưởng lương hưu phải là true hoặc false.',
    });
  }
  oneOf(errors, value, 'terminationReason', TERMINATION_REASONS, 'Lý do chấm dứt hợp đồng không hợp lệ.');
  oneOf(errors, value, 'contractType', CONTRACT_TYPES, 'Loại hợp đồng không hợp lệ.');
  oneOf(errors, value, 'salaryRegime', SALARY_REGIMES, 'Chế độ tiền lương phải là "employer" hoặc "state".');
  oneOf(errors, value, 'zone', ZONES, 'Vùng lương tối thiểu phải là I, II, III hoặc IV.');

  const reserved = value.priorReservedMonths;
  if (reserved !== undefined && reserved !== null && !isWholeNumber(reserved, MAX_RESERVED_MONTHS)) {
    errors.push({
      field: 'priorReservedMonths',
      code: 'invalid_number',
      message: 'Số tháng bảo lưu phải là số nguyên không âm.',
    });
  }

  const contributions = value.contributions;
  if (!Array.isArray(contributions)) {
    errors.push({
      field: 'contributions',
      code: 'required',
      message: 'Cần danh sách các tháng đóng bảo hiểm thất nghiệp.',
    });
  } else if (contributions.length > MAX_CONTRIBUTIONS) {
    errors.push({ field: 'contributions', code: 'too_many', message: `Tối đa ${MAX_CONTRIBUTIONS} tháng đóng.` });
  } else {
    const seen = new Set<string>();
    const duplicated = new Set<string>();
    contributions.forEach((c: unknown, i: number) => {
      const item = (c ?? {}) as Record<string, unknown>;
      if (!isIsoMonth(item.month)) {
        errors.push({
          field: `contributions.${i}.month`,
          code: 'invalid_month',
          message: 'Tháng không hợp lệ, cần định dạng YYYY-MM.',
        });
      } else if (seen.has(item.month as string)) {
        duplicated.add(item.month as string);
      } else {
        seen.add(item.month as string);
      }
      if (!isWholeNumber(item.salary, MAX_SALARY)) {
        errors.push({
          field: `contributions.${i}.salary`,
          code: 'invalid_number',
          message: 'Tiền lương đóng bảo hiểm phải là số nguyên không âm (đồng).',
        });
      }
    });
    // One contribution per month: only the first contract contributes to unemployment insurance
    // (Luật Việc làm 38/2013 Điều 43 khoản 1), so a month listed twice is a mistake in the request, not a sum.
    if (duplicated.size > 0) {
      const list = [...duplicated].sort().map((m) => `${m.slice(5, 7)}/${m.slice(0, 4)}`);
      errors.push({
        field: 'contributions',
        code: 'duplicate_month',
        message: `Mỗi tháng chỉ được khai một lần (tháng ${list.join(', ')} bị khai nhiều lần).`,
      });
    }
  }

  if (errors.length > 0) throw DomainError.validation(errors);
}

function oneOf(
  errors: FieldError[],
  value: Record<string, unknown>,
  field: string,
  allowed: readonly string[],
  message: string,
): void {
  const v = value[field];
  if (v === undefined || v === null) errors.push({ field, code: 'required', message: 'Bắt buộc nhập.' });
  else if (typeof v !== 'string' || !allowed.includes(v)) errors.push({ field, code: 'invalid_value', message });
}

function isWholeNumber(v: unknown, max: number): boolean {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= max;
}
