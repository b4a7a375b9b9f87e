// GET /api/v1/me/profile (src/profile/citizen-profile.types.ts):
// {personalId, fullName, dateOfBirth, sex, nationality, permanentAddress, currentAddress, idCardIssueDate,
//  personalIdFlags, insurance: null | {socialInsuranceNumber, salaryRegime, totalMonths, unusedMonths,
//  lastContributionMonth, lastEmployer: {name, taxCode, zone} | null, usedMonths: ['YYYY-MM'], reservedMonths,
//  contributions: [{month, salary, employerName, employerTaxCode, zone}] (oldest first)}}

/** What the apply page shows of the contribution summary; `null` when the citizen was never insured. */
export function insuranceFacts(insurance) {
  if (!insurance) return null;
  const rows = Array.isArray(insurance.contributions) ? insurance.contributions : [];
  const last = rows.length ? rows[rows.length - 1] : null;
  return {
    socialInsuranceNumber: insurance.socialInsuranceNumber,
    totalMonths: insurance.totalMonths,
    unusedMonths: insurance.unusedMonths,
    firstMonth: rows.length ? rows[0].month : null,
    lastMonth: insurance.lastContributionMonth,
    lastSalary: last ? last.salary : null,
    lastEmployer: insurance.lastEmployer,
    usedMonths: Array.isArray(insurance.usedMonths) ? insurance.usedMonths.length : 0,
    reservedMonths: insurance.reservedMonths,
    salaryRegime: insurance.salaryRegime,
  };
}

/** "2025-11" → "11/2025". */
export function monthLabel(value) {
  const m = /^(\d{4})-(\d{2})$/.exec(value || '');
  return m ? `${m[2]}/${m[1]}` : value || '';
}
