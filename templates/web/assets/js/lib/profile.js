// GET /api/v1/me/profile is "identity plus contribution summary" (API.md); its exact nesting belongs to the identity
// and registries modules, so read it defensively.
export function identityOf(profile) {
  const p = profile || {};
  return p.identity || p.person || p.population || p.applicant || p;
}

export function insuranceOf(profile) {
  const p = profile || {};
  const ins = p.insurance || p.socialInsurance || p.contributionSummary || p.contribution || {};
  const rows = Array.isArray(ins.contributions) ? ins.contributions : Array.isArray(p.contributions) ? p.contributions : [];
  const last = rows.length ? rows[rows.length - 1] : null;
  const distinctMonths = new Set(rows.map((r) => r.month)).size;
  const lastEmployer = ins.lastEmployer || p.lastEmployer || (last ? { name: last.employerName, taxCode: last.employerTaxCode, zone: last.zone } : null);
  return {
    found: Boolean(rows.length || ins.totalContributionMonths !== undefined || ins.socialInsuranceNumber),
    socialInsuranceNumber: ins.socialInsuranceNumber || p.socialInsuranceNumber,
    totalMonths: ins.totalContributionMonths ?? ins.totalMonths ?? (rows.length ? distinctMonths : undefined),
    usedMonths: Array.isArray(ins.usedMonths) ? ins.usedMonths.length : ins.usedMonths,
    reservedMonths: ins.reservedMonths,
    firstMonth: ins.firstMonth || (rows.length ? rows[0].month : undefined),
    lastMonth: ins.lastMonth || ins.lastContributionMonth || (last ? last.month : undefined),
    lastSalary: ins.lastSalary ?? (last ? last.salary : undefined),
    lastEmployer,
    salaryRegime: ins.salaryRegime,
  };
}

/** "2025-11" → "11/2025". */
export function monthLabel(value) {
  const m = /^(\d{4})-(\d{2})$/.exec(value || '');
  return m ? `${m[2]}/${m[1]}` : value || '';
}
