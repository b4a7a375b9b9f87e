import { JsonShapeReader, isYearMonth } from '../http/json-shape-reader';
import { Contribution, InsuranceRecord, PensionFacts } from './social-insurance-registry.port';

const TAX_CODE = /^\d{10}(-\d{3})?$/;

/**
 * Checks a social-insurance registry body against the contract, copies only documented fields and sorts the
 * contributions oldest first. Throws `MalformedRegistryDataError`.
 */
export function parseInsuranceRecord(json: unknown): InsuranceRecord {
  const reader = new JsonShapeReader();
  const obj = reader.object(json, '$');
  const contributions: Contribution[] = reader.array(obj, 'contributions', '$').map((item, i) => {
    const path = `$.contributions[${i}]`;
    const row = reader.object(item, path);
    return {
      month: reader.string(row, 'month', path, isYearMonth),
      salary: reader.integer(row, 'salary', path, 0),
      employerName: reader.string(row, 'employerName', path),
      employerTaxCode: reader.string(row, 'employerTaxCode', path, (s) => TAX_CODE.test(s)),
      zone: reader.oneOf(row, 'zone', path, ['I', 'II', 'III', 'IV'] as const),
    };
  });
  const usedMonths = reader.array(obj, 'usedMonths', '$').map((m, i) => {
    if (typeof m === 'string' && isYearMonth(m)) return m;
    reader.problem(`$.usedMonths[${i}]: expected YYYY-MM`);
    return '';
  });
  const pension = parsePension(reader, obj.pension);
  const record: InsuranceRecord = {
    personalId: reader.string(obj, 'personalId', '$', (s) => /^\d{12}$/.test(s)),
    socialInsuranceNumber: reader.string(obj, 'socialInsuranceNumber', '$', (s) => /^(\d{10}|\d{12})$/.test(s)),
    salaryRegime: reader.oneOf(obj, 'salaryRegime', '$', ['employer', 'state'] as const),
    contributions: [...contributions].sort((a, b) => a.month.localeCompare(b.month)),
    usedMonths: [...new Set(usedMonths)].sort(),
    reservedMonths: reader.integer(obj, 'reservedMonths', '$', 0),
    ...(pension ? { pension } : {}),
  };
  return reader.result(record);
}

/** Optional `pension: {eligible, insuredYears?, retirementAgeDate?}`; absent or null → undefined. */
function parsePension(reader: JsonShapeReader, value: unknown): PensionFacts | undefined {
  if (value === undefined || value === null) return undefined;
  const path = '$.pension';
  const obj = reader.object(value, path);
  if (typeof obj.eligible !== 'boolean') reader.problem(`${path}.eligible: expected a boolean`);
  const years = obj.insuredYears;
  const date = obj.retirementAgeDate;
  return {
    eligible: obj.eligible === true,
    insuredYears: years === undefined || years === null ? null : reader.integer(obj, 'insuredYears', path, 0),
    retirementAgeDate:
      date === undefined || date === null ? null : reader.string(obj, 'retirementAgeDate', path, isIsoDay),
  };
}

function isIsoDay(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
}
