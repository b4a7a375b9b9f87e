import { WorkingCalendar } from '../../calendar/working-calendar';
import { LegalRules, regimeParameterKey } from './legal-rules';
import { regimeFor } from './regime';

/**
 * Working-day deadlines of the procedure, counted like every administrative time limit (Bộ luật Dân sự 2015
 * art. 147): the day the dossier is received is not counted, the deadline is the N-th working day after it.
 * The regime (and so N) is the one in force for the decision (docs/domain.md §2): the law in force on the day the clock
 * starts, read at that day.
 */

/** Due date of the decision: `processing_working_days` (20) working days after the complete dossier. */
export function processingDueDate(receivedDate: string, rules: LegalRules, calendar: WorkingCalendar): string {
  const regime = regimeFor(receivedDate);
  const { value } = rules.valueAt(regimeParameterKey(regime, 'processing_working_days'), receivedDate);
  return calendar.addWorkingDays(receivedDate, value);
}

/**
 * Last day of the employment check (docs/domain.md §2 condition 4): `employment_check_working_days` working days after
 * filing (10 under VN-2025, 15 under VN-2013), the regime being that of the decision (default: the filing date).
 */
export function employmentCheckDeadline(
  filingDate: string,
  rules: LegalRules,
  calendar: WorkingCalendar,
  decisionDate: string = filingDate,
): string {
  const regime = regimeFor(decisionDate);
  const { value } = rules.valueAt(regimeParameterKey(regime, 'employment_check_working_days'), decisionDate);
  return calendar.addWorkingDays(filingDate, value);
}
